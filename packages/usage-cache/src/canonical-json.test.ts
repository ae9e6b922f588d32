import fc from 'fast-check';
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

/** The reference: every object's keys sorted, then the engine's own serializer. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const name of Object.keys(value).sort()) {
    // Defined, not assigned: a member named `__proto__` stays a member.
    Object.defineProperty(sorted, name, {
      value: sortedCopy((value as Record<string, unknown>)[name]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return sorted;
}

describe('canonicalJson against JSON.stringify of a key-sorted copy', () => {
  it('agrees on any JSON value, strings of any UTF-16 units included (lone surrogates, controls, quotes)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.string({
        unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\ud800', '\udc00', 'é', 'a'),
        maxLength: 20,
      }),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(text, tie('node'), { maxKeys: 5 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (generated) => {
        expect(canonicalJson({ value: generated })).toBe(JSON.stringify(sortedCopy(generated)));
      }),
      { numRuns: 2000 },
    );
  });
});
