import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Floats } from './decode-base64-floats.js';

describe('decodeBase64Floats', () => {
  it('decodes little-endian float32 values', () => {
    const base64 = Buffer.from(new Float32Array([1, -0.5, 0.25]).buffer).toString('base64');
    expect(decodeBase64Floats({ base64 })).toEqual([1, -0.5, 0.25]);
  });

  it('round-trips any float32 vector', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true })), (values) => {
        const floats = new Float32Array(values);
        const base64 = Buffer.from(floats.buffer).toString('base64');
        expect(decodeBase64Floats({ base64 })).toEqual(Array.from(floats));
      }),
    );
  });
});
