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
});
