import { describe, expect, it } from 'vitest';
import { countTextTokens } from '../text/count-tokens.js';
import { createImplicitCache, textBlocks } from './implicit-cache.js';

const blocks = (...keys: string[]) => keys.map((key) => ({ key, tokens: 10 }));

describe('createImplicitCache', () => {
  it('reports the longest repeated prefix on the same model only, above the minimum', () => {
    let time = 0;
    const cache = createImplicitCache({ ttlMs: 1000, minTokensFor: () => 15, now: () => time });
    expect(cache.lookupAndRemember({ model: 'm', blocks: blocks('a', 'b', 'c') })).toBe(0);
    expect(cache.lookupAndRemember({ model: 'm', blocks: blocks('a', 'b', 'x') })).toBe(20);
    expect(cache.lookupAndRemember({ model: 'other', blocks: blocks('a', 'b', 'c') })).toBe(0);
    // 'a' alone (10 tokens) is under the minimum, so it never counts.
    expect(cache.lookupAndRemember({ model: 'm', blocks: blocks('a', 'z') })).toBe(0);
    time = 2000;
    expect(cache.lookupAndRemember({ model: 'm', blocks: blocks('a', 'b', 'c') })).toBe(0);
  });

  it('forgets expired prefixes as new ones arrive, so a long-running mock stays bounded', () => {
    let time = 0;
    const cache = createImplicitCache({ ttlMs: 1000, minTokensFor: () => 1, now: () => time });
    for (let index = 0; index < 5000; index++) {
      time = index * 10; // each prefix lives for 100 requests
      cache.lookupAndRemember({ model: 'm', blocks: blocks(`prompt-${index}`) });
    }
    expect(cache.size).toBeLessThan(2100);
    time += 1;
    expect(cache.lookupAndRemember({ model: 'm', blocks: blocks('prompt-4999') })).toBe(10);
  });

  it("cuts text into 64-token blocks whose tokens add up to the text's, so a prefix can end mid-part", () => {
    const text = 'y'.repeat(1001);
    const blocks = textBlocks({ text });
    expect(blocks.map((block) => block.tokens)).toEqual([64, 64, 64, 59]);
    expect(blocks.reduce((sum, block) => sum + block.tokens, 0)).toBe(countTextTokens(text));
    let time = 0;
    const cache = createImplicitCache({ ttlMs: 1000, minTokensFor: () => 100, now: () => time });
    cache.lookupAndRemember({ model: 'm', blocks: textBlocks({ text: `${text}first question` }) });
    time = 1;
    // The shared 1,001 characters hold three whole blocks: 192 tokens are reported.
    expect(cache.lookupAndRemember({ model: 'm', blocks: textBlocks({ text: `${text}second one` }) })).toBe(
      192,
    );
  });

  it('a model without implicit caching (minimum Infinity) never reports a hit', () => {
    const cache = createImplicitCache({
      ttlMs: 1000,
      minTokensFor: () => Number.POSITIVE_INFINITY,
      now: () => 0,
    });
    cache.lookupAndRemember({ model: 'm', blocks: blocks('a', 'b') });
    expect(cache.lookupAndRemember({ model: 'm', blocks: blocks('a', 'b') })).toBe(0);
  });
});
