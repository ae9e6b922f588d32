/** Bytes encoded per output chunk: a multiple of 3, so every chunk but the last is padding-free. */
const bytesPerChunk = 48 * 1024;

/** The base64 length of `byteLength` bytes, padding included. */
export function base64Length({ byteLength }: { byteLength: number }): number {
  return 4 * Math.ceil(byteLength / 3);
}

/**
 * Encodes a byte stream as base64 text (ASCII bytes) chunk by chunk, equal to
 * `Buffer.toString('base64')` of all the bytes joined. Up to 2 bytes are carried across input
 * chunks so only the last output chunk carries padding, and a large input chunk is encoded in
 * 48 KiB slices, so memory stays bounded whatever the source yields.
 *
 * @example
 * ```ts
 * import { encodeBase64Stream } from '@gemgate/core-transport/internal';
 * async function* bytes() { yield new Uint8Array([104, 105]); yield new Uint8Array([33]); }
 * for await (const text of encodeBase64Stream({ chunks: bytes() })) process.stdout.write(text); // aGkh
 * ```
 */
export async function* encodeBase64Stream({
  chunks,
}: {
  chunks: AsyncIterable<Uint8Array>;
}): AsyncGenerator<Uint8Array> {
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    let input = chunk;
    if (carry.length > 0) {
      // Only the 1-2 carried bytes and the next slice are joined, never the whole input.
      const head = input.subarray(0, 3 - carry.length);
      const joined = new Uint8Array(carry.length + head.length);
      joined.set(carry);
      joined.set(head, carry.length);
      input = input.subarray(head.length);
      if (joined.length < 3) {
        carry = joined;
        continue;
      }
      yield encode(joined);
    }
    const whole = input.length - (input.length % 3);
    for (let start = 0; start < whole; start += bytesPerChunk) {
      yield encode(input.subarray(start, Math.min(start + bytesPerChunk, whole)));
    }
    // A copy, not a view: a source may reuse its buffer for the next chunk (`Buffer.slice` would view).
    carry = new Uint8Array(input.subarray(whole));
  }
  if (carry.length > 0) yield encode(carry);
}

function encode(bytes: Uint8Array): Uint8Array {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Buffer.from(view.toString('base64'), 'latin1');
}
