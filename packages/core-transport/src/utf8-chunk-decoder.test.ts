import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8ChunkDecoder } from './utf8-chunk-decoder.js';

function decodeAll(chunks: Uint8Array[]): string {
  const decoder = new Utf8ChunkDecoder();
  return chunks.map((chunk) => decoder.decode(chunk)).join('') + decoder.flush();
}

function cut(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const offsets = [...new Set(cuts.map((value) => value % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const offset of [...offsets, bytes.length]) {
    chunks.push(bytes.subarray(start, offset));
    start = offset;
  }
  return chunks;
}

describe('Utf8ChunkDecoder', () => {
  it('keeps a character split across chunks whole, then takes the ASCII fast path again', () => {
    const bytes = new TextEncoder().encode('ab é世🎉 cd');
    for (let split = 0; split <= bytes.length; split++) {
      expect(decodeAll(cut(bytes, [split]))).toBe('ab é世🎉 cd');
    }
  });

  it('keeps a BOM as U+FEFF, at the start and later on', () => {
    const bytes = new TextEncoder().encode('\uFEFFa\uFEFFb');
    expect(decodeAll(cut(bytes, [4]))).toBe('\uFEFFa\uFEFFb');
  });

  it('ends a cut-off character with a replacement character', () => {
    const bytes = new TextEncoder().encode('a世');
    expect(decodeAll([bytes.subarray(0, 3)])).toBe('a\uFFFD');
  });

  it('decodes like TextDecoder for any text and any chunking (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', 'é', '世', '🎉', '\u0000', '\u007f') }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (text, cuts) => {
          const bytes = new TextEncoder().encode(text);
          expect(decodeAll(cut(bytes, cuts))).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});
