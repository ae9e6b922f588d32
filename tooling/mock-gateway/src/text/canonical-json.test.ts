import { describe, expect, it } from 'vitest';
import { canonicalJson, keyJson } from './canonical-json.js';

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

  it('stands a long string (inline media) as a short digest that still tells values apart', () => {
    const media = 'A'.repeat(1 << 20);
    const other = `${media.slice(0, -1)}B`;
    for (const render of [canonicalJson, keyJson]) {
      const key = render({ data: media });
      expect(key.length).toBeLessThan(100);
      expect(render({ data: media })).toBe(key);
      expect(render({ data: other })).not.toBe(key);
    }
    expect(keyJson({ role: 'user', parts: [{ text: 'hi' }] })).toBe(
      '{"role":"user","parts":[{"text":"hi"}]}',
    );
  });
});
