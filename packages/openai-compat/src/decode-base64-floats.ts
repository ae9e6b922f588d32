/**
 * Decodes an embedding sent as base64 (`encoding_format: 'base64'`): little-endian float32
 * values, a quarter of the JSON size on the wire.
 *
 * @example
 * ```ts
 * decodeBase64Floats({ base64: Buffer.from(new Float32Array([1, 0.5]).buffer).toString('base64') }); // [1, 0.5]
 * ```
 */
export function decodeBase64Floats({ base64 }: { base64: string }): number[] {
  const bytes = Buffer.from(base64, 'base64');
  // A DataView, because a pooled Buffer's offset need not be 4-aligned for a Float32Array.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Array<number>(bytes.byteLength >>> 2);
  for (let index = 0; index < values.length; index++) values[index] = view.getFloat32(index * 4, true);
  return values;
}
