import { describe, expect, it } from 'vitest';
import { createImplicitCache } from './implicit-cache.js';

const blocks = (...keys: string[]) => keys.map((key) => ({ key, tokens: 10 }));

describe('createImplicitCache', () => {
  it('reports the longest repeated prefix on the same model only, above the minimum', () => {
    let time = 0;
    const cache = createImplicitCache({ ttlMs: 1000, minTokens: 15, now: () => time });
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
    const cache = createImplicitCache({ ttlMs: 1000, minTokens: 1, now: () => time });
    for (let index = 0; index < 5000; index++) {
      time = index * 10; // each prefix lives for 100 requests
      cache.lookupAndRemember({ model: 'm', blocks: blocks(`prompt-${index}`) });
    }
    expect(cache.size).toBeLessThan(2100);
    time += 1;
    expect(cache.lookupAndRemember({ model: 'm', blocks: blocks('prompt-4999') })).toBe(10);
  });
});
