import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binarySource } from './binary-slot.js';
import { encodeJsonWithBinary } from './encode-json-with-binary.js';
import { InvalidArgumentError } from './errors.js';

function chunked(bytes: Uint8Array, size: number): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let start = 0; start < bytes.length; start += size) yield bytes.slice(start, start + size);
  };
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of chunks) parts.push(part);
  return Buffer.concat(parts);
}

describe('encodeJsonWithBinary', () => {
  it('streams what JSON.stringify would write with each slot as prefix + base64, and knows its length first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom('', 'data:image/png;base64,', 'é"\\\u2028'),
        fc.jsonValue({ maxDepth: 2 }),
        async (bytes, chunkSize, prefix, other) => {
          const slot = binarySource({ byteLength: bytes.length, open: chunked(bytes, chunkSize), prefix });
          // The same value twice: with the slot, and with the text the slot stands for.
          const valueWith = (data: unknown) => ({
            before: other,
            contents: [{ parts: [{ inlineData: { mimeType: 'x/y', data } }] }],
            ü: 'ß',
          });
          const encoded = encodeJsonWithBinary({ value: valueWith(slot) });
          const body = await readAll(encoded.chunks());
          const text = prefix + Buffer.from(bytes).toString('base64');
          expect(body.toString('utf8')).toBe(JSON.stringify(valueWith(text)));
          expect(body.length).toBe(encoded.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('follows JSON.stringify: toJSON, key order, undefined dropped in objects and null in arrays', async () => {
    const slot = binarySource({ byteLength: 2, open: chunked(new Uint8Array([255, 0]), 1) });
    const valueWith = (data: unknown) => ({
      b: 1,
      a: undefined,
      2: 'two',
      when: new Date(0),
      list: [undefined, () => 1, data, Symbol('s')],
      custom: { toJSON: (key: string) => ({ key, data }) },
      gone: { toJSON: () => undefined },
    });
    const encoded = encodeJsonWithBinary({ value: valueWith(slot) });
    const text = (await readAll(encoded.chunks())).toString('utf8');
    expect(text).toBe(JSON.stringify(valueWith('/wA=')));
    expect(text).toBe(
      '{"2":"two","b":1,"when":"1970-01-01T00:00:00.000Z","list":[null,null,"/wA=",null],"custom":{"key":"custom","data":"/wA="}}',
    );
    expect(encoded.length).toBe(Buffer.byteLength(text));
  });

  it('opens the sources again on each read, so a retry sends the same bytes', async () => {
    let opens = 0;
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const slot = binarySource({
      byteLength: 4,
      open: () => {
        opens++;
        return chunked(bytes, 3)();
      },
    });
    const encoded = encodeJsonWithBinary({ value: { data: slot } });
    expect(encoded.replayable).toBe(true);
    const first = await readAll(encoded.chunks());
    const second = await readAll(encoded.chunks());
    expect(second.equals(first)).toBe(true);
    expect(opens).toBe(2);
  });

  it('fails the read, saying so, when a source yields fewer or more bytes than its byteLength', async () => {
    for (const byteLength of [5, 3]) {
      const slot = binarySource({ byteLength, open: chunked(new Uint8Array([1, 2, 3, 4]), 1) });
      const encoded = encodeJsonWithBinary({ value: { data: slot } });
      const error = await readAll(encoded.chunks()).catch((caught: unknown) => caught);
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(
        byteLength === 5 ? /yielded 4 bytes but declared byteLength 5/ : /yielded more than 3 bytes/,
      );
    }
  });

  it('marks a body with a one-shot source as not replayable, and refuses a second read', async () => {
    const slot = binarySource({ byteLength: 1, open: chunked(new Uint8Array([9]), 1), replayable: false });
    const encoded = encodeJsonWithBinary({ value: [slot] });
    expect(encoded.replayable).toBe(false);
    expect((await readAll(encoded.chunks())).toString()).toBe('["CQ=="]');
    await expect(readAll(encoded.chunks())).rejects.toThrow(/can be read only once/);
  });

  it('refuses a circular body and a slot turned into JSON text by JSON.stringify', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => encodeJsonWithBinary({ value: circular })).toThrow(/circular/);
    const slot = binarySource({ byteLength: 0, open: chunked(new Uint8Array(0), 1) });
    expect(() => JSON.stringify({ slot })).toThrow(/json-with-binary/);
  });
});
