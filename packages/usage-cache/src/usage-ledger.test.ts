import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from './usage-ledger.js';

describe('isoTime, the record time without a Date per record', () => {
  it('writes what Date#toISOString writes, millisecond by millisecond and across seconds', () => {
    const start = Date.UTC(2026, 11, 31, 23, 59, 58, 990);
    for (let ms = start; ms < start + 2_500; ms += 1) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('agrees with toISOString for any instant it can be given, in any order', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (const ms of [0, 999, 1000, 253_402_300_799_999, 253_402_300_800_000, -1, 1.5]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
