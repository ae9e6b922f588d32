import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('writes what JSON.stringify writes for values whose keys are already sorted', () => {
    const value = {
      a: [1, -0, 1e21, Number.NaN, 'x"y', true, null, undefined, { b: 2 }],
      c: { d: 'é\n' },
      e: new Date(0),
    };
    expect(canonicalJson({ value })).toBe(JSON.stringify(value));
  });

  it('sorts keys at every depth and drops undefined members and functions', () => {
    expect(canonicalJson({ value: { b: 1, a: [{ d: 2, c: 3 }], e: undefined, f: () => 1 } })).toBe(
      '{"a":[{"c":3,"d":2}],"b":1}',
    );
  });
});
