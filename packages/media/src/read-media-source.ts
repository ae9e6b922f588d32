import { open as openFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from '@gemgate/core-transport';
import { headByteLength } from './detect-mime-type.js';
import { type DownloadOptions, downloadUrl } from './download-url.js';
import type { MediaBytes, MediaSource } from './media-source.js';
import { oversizedRequest } from './oversized-request.js';

/** Slices yielded from bytes held in memory: small enough to keep the encoder's chunks small. */
const sliceBytes = 64 * 1024;

function bytesOf({ bytes }: { bytes: Uint8Array }): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      for (let start = 0; start < bytes.length; start += sliceBytes)
        yield bytes.subarray(start, start + sliceBytes);
    },
  };
}

function chunksOf({ chunks }: { chunks: readonly Uint8Array[] }): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      yield* chunks;
    },
  };
}

/** The first `headByteLength` bytes of some chunks, copied only when they span several. */
function headOf({ chunks }: { chunks: readonly Uint8Array[] }): Uint8Array {
  const first = chunks[0];
  if (first === undefined) return new Uint8Array(0);
  if (first.length >= headByteLength || chunks.length === 1) return first.subarray(0, headByteLength);
  const head: Uint8Array[] = [];
  let length = 0;
  for (const chunk of chunks) {
    if (length >= headByteLength) break;
    const piece = chunk.subarray(0, headByteLength - length);
    head.push(piece);
    length += piece.length;
  }
  return Buffer.concat(head);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return (
    typeof value === 'object' && value !== null && typeof (value as ReadableStream).getReader === 'function'
  );
}

/** A web stream as an async iterable, on Node versions whose `ReadableStream` is not one. */
async function* readWebStream({
  stream,
}: {
  stream: ReadableStream<Uint8Array>;
}): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Reads a file through one reused buffer: a stream's fresh 64 KiB buffer per chunk is garbage
 * the collector frees late, which alone added about the file's size to peak RSS. Safe because
 * the request body encodes each chunk before it asks for the next (core's encoder copies what it
 * carries over).
 */
async function* readFileChunks({ path }: { path: string }): AsyncGenerator<Uint8Array> {
  const handle = await openFile(path, 'r');
  const buffer = new Uint8Array(sliceBytes);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      // A plain Uint8Array view, not a Buffer: core's encoder keeps its carry with `slice()`,
      // which copies a Uint8Array but only views a Buffer, and this buffer is overwritten next.
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function readPath({ path }: { path: string }): Promise<MediaBytes> {
  let byteLength: number;
  try {
    const stats = await stat(path);
    if (!stats.isFile()) throw new Error('not a file');
    byteLength = stats.size;
  } catch (error) {
    throw new InvalidArgumentError(
      `source ${JSON.stringify(path)} is not a readable file: give the path of a file, an http(s) URL, bytes, a Blob or a stream.`,
      { argument: 'source', cause: error },
    );
  }
  const handle = await openFile(path, 'r');
  const head = new Uint8Array(Math.min(headByteLength, byteLength));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  return {
    byteLength,
    head,
    replayable: true,
    fileName: basename(path),
    statedMimeType: undefined,
    open: () => readFileChunks({ path }),
  };
}

/**
 * A stream given with its length is read once, never held: its first chunks are kept for type
 * detection and sent first. One given without a length is read whole to measure it, up to the
 * most bytes that can fit inline (more is refused at once).
 */
async function readStream({
  chunks,
  byteLength,
  maxBytes,
  fileName,
}: {
  chunks: AsyncIterable<Uint8Array>;
  byteLength: number | undefined;
  maxBytes: number;
  fileName: string | undefined;
}): Promise<MediaBytes> {
  const iterator = chunks[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let takenLength = 0;
  let done = false;
  while (!done && (byteLength === undefined || takenLength < headByteLength)) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    takenLength += next.value.byteLength;
    if (byteLength === undefined && takenLength > maxBytes) {
      await iterator.return?.();
      oversizedRequest({
        size: takenLength,
        limit: maxBytes,
        subject: fileName ?? 'This stream',
        measure: 'raw',
      });
    }
  }
  const head = headOf({ chunks: taken });
  if (byteLength === undefined) {
    return {
      byteLength: takenLength,
      head,
      replayable: true,
      fileName,
      statedMimeType: undefined,
      open: () => chunksOf({ chunks: taken }),
    };
  }
  return {
    byteLength,
    head,
    replayable: false,
    fileName,
    statedMimeType: undefined,
    open: () => ({
      async *[Symbol.asyncIterator]() {
        yield* taken.splice(0);
        if (done) return;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield next.value;
        }
      },
    }),
  };
}

/** Turns any `MediaSource` into bytes with a known length and a way to read them. */
export async function readMediaSource({
  source,
  byteLength,
  fileName,
  maxBytes,
  download,
}: {
  source: MediaSource;
  /** A stream's length, when the caller knows it (the stream is then not buffered). */
  byteLength: number | undefined;
  fileName: string | undefined;
  /** The most raw bytes that can fit inline: what a measured stream or a download may hold. */
  maxBytes: number;
  download: Omit<DownloadOptions, 'maxBytes'>;
}): Promise<MediaBytes> {
  if (typeof source === 'string' || source instanceof URL) {
    const text = typeof source === 'string' ? source : source.href;
    if (/^https?:\/\//i.test(text)) {
      const downloaded = await downloadUrl({ url: new URL(text), maxBytes, ...download });
      return {
        byteLength: downloaded.byteLength,
        head: headOf({ chunks: downloaded.chunks }),
        replayable: true,
        fileName: fileName ?? downloaded.fileName,
        statedMimeType: downloaded.contentType,
        open: () => chunksOf({ chunks: downloaded.chunks }),
      };
    }
    if (/^file:/i.test(text)) return withName(await readPath({ path: fileURLToPath(text) }), fileName);
    if (source instanceof URL || /^[a-z][a-z0-9+.-]+:\/\//i.test(text)) {
      throw new InvalidArgumentError(
        `source ${JSON.stringify(text)} is a URL with an unsupported scheme: only http(s) and file URLs are read.`,
        { argument: 'source' },
      );
    }
    return withName(await readPath({ path: text }), fileName);
  }
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
    return {
      byteLength: bytes.byteLength,
      head: bytes.subarray(0, headByteLength),
      replayable: true,
      fileName,
      statedMimeType: undefined,
      open: () => bytesOf({ bytes }),
    };
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const blob = source;
    const name = (blob as { name?: unknown }).name;
    return {
      byteLength: blob.size,
      head: new Uint8Array(await blob.slice(0, headByteLength).arrayBuffer()),
      replayable: true,
      fileName: fileName ?? (typeof name === 'string' && name !== '' ? name : undefined),
      statedMimeType: blob.type === '' ? undefined : blob.type,
      open: () => readWebStream({ stream: blob.stream() as ReadableStream<Uint8Array> }),
    };
  }
  if (isAsyncIterable(source) || isReadableStream(source)) {
    if (byteLength !== undefined && (!Number.isSafeInteger(byteLength) || byteLength < 0)) {
      throw new InvalidArgumentError(
        `byteLength must be the stream's size in bytes (a whole number of 0 or more), got ${String(byteLength)}.`,
        { argument: 'byteLength' },
      );
    }
    const chunks = isAsyncIterable(source) ? source : readWebStream({ stream: source });
    return readStream({ chunks: normalizeChunks({ chunks }), byteLength, maxBytes, fileName });
  }
  throw new InvalidArgumentError(
    'source must be a file path, an http(s) URL, a Buffer or Uint8Array, a Blob, or a readable stream.',
    { argument: 'source' },
  );
}

function withName(bytes: MediaBytes, fileName: string | undefined): MediaBytes {
  return fileName === undefined ? bytes : { ...bytes, fileName };
}

/** A Node stream in text mode yields strings: refuse them rather than send their UTF-16 lengths wrong. */
async function* normalizeChunks({ chunks }: { chunks: AsyncIterable<unknown> }): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    if (chunk instanceof Uint8Array) yield chunk;
    else {
      throw new InvalidArgumentError(
        'source is a stream of text, not bytes: remove its encoding (setEncoding) so it yields Buffers.',
        { argument: 'source' },
      );
    }
  }
}
