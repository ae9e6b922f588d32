import { describe, expect, it } from 'vitest';
import { hashString } from './hash.js';

describe('hashString', () => {
  it('is FNV-1a on short text (the values seeds and ids were built on)', () => {
    expect(hashString({ text: '' })).toBe(0x811c9dc5);
    expect(hashString({ text: 'a' })).toBe(0xe40c292c);
  });

  it('hashes long text natively: stable, sensitive to one character and to the seed', () => {
    const long = 'x'.repeat(1 << 17);
    const changed = `${long.slice(0, 1000)}y${long.slice(1001)}`;
    expect(hashString({ text: long })).toBe(hashString({ text: long }));
    expect(hashString({ text: changed })).not.toBe(hashString({ text: long }));
    expect(hashString({ text: long, seed: 1 })).not.toBe(hashString({ text: long, seed: 2 }));
  });
});
