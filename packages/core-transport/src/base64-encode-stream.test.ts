import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Length, encodeBase64Stream } from './base64-encode-stream.js';

async function encodeAll(chunks: Uint8Array[]): Promise<string> {
  async function* source() {
    yield* chunks;
  }
  const parts: Uint8Array[] = [];
  for await (const part of encodeBase64Stream({ chunks: source() })) parts.push(part);
  return Buffer.concat(parts).toString('latin1');
}

describe('encodeBase64Stream', () => {
  it('equals Buffer.toString("base64") of the joined bytes, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.nat({ max: 600 }), { maxLength: 12 }),
        async (bytes, cuts) => {
          const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let start = 0;
          for (const point of [...points, bytes.length]) {
            chunks.push(bytes.slice(start, point));
            start = point;
          }
          const text = await encodeAll(chunks);
          expect(text).toBe(Buffer.from(bytes).toString('base64'));
          expect(text.length).toBe(base64Length({ byteLength: bytes.length }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('encodes a large chunk in bounded slices, padding only the last', async () => {
    const bytes = new Uint8Array(200_001).map((_, index) => (index * 7) % 256);
    async function* source() {
      yield bytes;
    }
    const parts: Uint8Array[] = [];
    for await (const part of encodeBase64Stream({ chunks: source() })) parts.push(part);
    expect(parts.length).toBeGreaterThan(3);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThanOrEqual(64 * 1024);
    expect(parts.slice(0, -1).every((part) => !Buffer.from(part).includes('='))).toBe(true);
    expect(Buffer.concat(parts).toString('latin1')).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('does not depend on the source keeping its buffer: a reused buffer still encodes right', async () => {
    const buffer = new Uint8Array(5);
    async function* reusing() {
      buffer.set([1, 2, 3, 4, 5]);
      yield buffer;
      buffer.set([6, 7, 8, 9, 10]);
      yield buffer;
    }
    const parts: Uint8Array[] = [];
    for await (const part of encodeBase64Stream({ chunks: reusing() })) parts.push(part);
    expect(Buffer.concat(parts).toString('latin1')).toBe(
      Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).toString('base64'),
    );
  });

  it('also when the reused buffer is a Buffer, whose slice is a view', async () => {
    const buffer = Buffer.alloc(5);
    async function* reusing() {
      buffer.set([1, 2, 3, 4, 5]);
      yield buffer;
      buffer.set([6, 7, 8, 9, 10]);
      yield buffer;
    }
    const parts: Uint8Array[] = [];
    for await (const part of encodeBase64Stream({ chunks: reusing() })) parts.push(part);
    expect(Buffer.concat(parts).toString('latin1')).toBe(
      Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).toString('base64'),
    );
  });
});
