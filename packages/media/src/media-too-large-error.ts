import { GemgateError, type GemgateErrorOptions } from '@gemgate/core-transport';

/**
 * The media would make a request larger than the gateway takes inline (20 MiB by default,
 * counted on the encoded request: base64's 4/3 plus the JSON around it). Raised before a byte
 * is uploaded; the message says what to do (a smaller file, a lower resolution, splitting it
 * over several requests, or the File API once the gateway offers one).
 *
 * @example
 * ```ts
 * import { inlineMedia, MediaTooLargeError } from '@gemgate/media';
 * try {
 *   await inlineMedia({ source: new Uint8Array(30_000_000), mimeType: 'application/pdf' });
 * } catch (error) {
 *   if (MediaTooLargeError.isInstance(error)) console.error(error.size, error.limit);
 * }
 * ```
 */
export class MediaTooLargeError extends GemgateError {
  /** The encoded size in bytes (of the whole request, or of the one part when checked alone). */
  readonly size: number;
  /** The limit in bytes it was checked against. */
  readonly limit: number;
  constructor(message: string, options: GemgateErrorOptions & { size: number; limit: number }) {
    super(message, options);
    this.size = options.size;
    this.limit = options.limit;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), size: this.size, limit: this.limit };
  }
}
