import { Buffer, isAscii } from 'node:buffer';

/**
 * Turns byte chunks split anywhere into text. Pure-ASCII chunks (most of an English
 * stream) are copied as Latin-1, about ten times cheaper than UTF-8 decoding; other
 * chunks go through a streaming `TextDecoder`, which keeps a character split across two
 * chunks whole. A leading BOM is kept as U+FEFF for the caller to drop.
 */
export class Utf8ChunkDecoder {
  private readonly textDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Whether the `TextDecoder` may be holding the first bytes of a split character. */
  private holdsBytes = false;

  decode(chunk: Uint8Array | string): string {
    if (typeof chunk === 'string') return chunk;
    if (!this.holdsBytes && isAscii(chunk)) {
      const view = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      return view.toString('latin1');
    }
    const text = this.textDecoder.decode(chunk, streaming);
    // A chunk ending in an ASCII byte leaves nothing half-decoded behind it.
    this.holdsBytes = chunk.length > 0 ? chunk[chunk.length - 1]! >= 0x80 : this.holdsBytes;
    return text;
  }

  /** What is left at the end of the stream (a replacement character for a cut-off sequence). */
  flush(): string {
    this.holdsBytes = false;
    return this.textDecoder.decode();
  }
}

const streaming = { stream: true };
