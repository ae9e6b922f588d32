/**
 * What `inlineMedia` takes: a file path (or `file:` URL), an http(s) URL (string or `URL`),
 * bytes (`Buffer`, `Uint8Array`, `ArrayBuffer`), a `Blob` or `File`, or a Node or web readable
 * stream (any `AsyncIterable` of byte chunks).
 */
export type MediaSource =
  | string
  | URL
  | Uint8Array
  | ArrayBuffer
  | Blob
  | AsyncIterable<Uint8Array>
  | ReadableStream<Uint8Array>;

/** Bytes ready to inline: their size, their first bytes for type detection, and a read of them. */
export interface MediaBytes {
  byteLength: number;
  /** Up to the first 4100 bytes, for magic-byte detection. */
  head: Uint8Array;
  /** Whether `open()` may be called again (a stream given with its length is read once). */
  replayable: boolean;
  /** A name for messages and extension-based detection. */
  fileName: string | undefined;
  /** A type the source itself states (a Blob's `type`, a server's `content-type`): a hint after the extension. */
  statedMimeType: string | undefined;
  open(): AsyncIterable<Uint8Array>;
}
