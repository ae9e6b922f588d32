import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('gives the same text for objects whose keys were written in another order', () => {
    const left = {
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      nested: { b: 1, a: [2, { d: 1, c: 2 }] },
    };
    const right = {
      nested: { a: [2, { c: 2, d: 1 }], b: 1 },
      messages: [{ content: 'hi', role: 'user' }],
      model: 'm',
    };
    expect(canonicalJson(left)).toBe(canonicalJson(right));
  });

  it('keeps array order and tells different values apart', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
    expect(JSON.parse(canonicalJson({ b: null, a: 'x' }))).toEqual({ a: 'x', b: null });
  });
});
