/** Test helper: yields `text` as UTF-8 bytes cut at the given offsets. */
export async function* bytesCutAt(text: string, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const offsets = [...new Set(cuts.map((cut) => Math.min(Math.max(0, cut), bytes.length)))].sort(
    (a, b) => a - b,
  );
  let start = 0;
  for (const offset of [...offsets, bytes.length]) {
    if (offset > start) yield bytes.subarray(start, offset);
    start = offset;
  }
}

/** Test helper: collects an async iterable into an array. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
