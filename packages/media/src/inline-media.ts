import { InvalidArgumentError } from '@gemgate/core-transport';
import { detectMimeType } from './detect-mime-type.js';
import { MediaPart, type MediaProgress } from './media-part.js';
import { type MediaResolution, parseMediaResolution } from './media-resolution.js';
import type { MediaSource } from './media-source.js';
import { oversizedRequest } from './oversized-request.js';
import { readMediaSource } from './read-media-source.js';
import { base64Length, defaultMaxRequestBytes, maxRawBytes } from './request-limit.js';

/** What `inlineMedia` takes. */
export interface InlineMediaOptions {
  /** A file path or `file:` URL, an http(s) URL, bytes, a Blob or File, or a readable stream. */
  source: MediaSource;
  /**
   * The media type, when you know it. The bytes are checked against it (a contradiction is an
   * error naming both); where they say nothing (text, CSV) it is used as given.
   */
  mimeType?: string | undefined;
  /** This part's resolution (`LOW` 64 tokens, `MEDIUM` 256, `HIGH` zoomed 256); Gemini 3 only. */
  mediaResolution?: MediaResolution | 'LOW' | 'MEDIUM' | 'HIGH' | undefined;
  /** A name for messages, extension-based detection and the OpenAI `file` part's `filename`. */
  fileName?: string | undefined;
  /** A stream's size in bytes, when known: the stream is then sent as read, never buffered. */
  byteLength?: number | undefined;
  /**
   * The largest request the gateway takes, in bytes of encoded JSON. Default 20 MiB. A part
   * whose base64 alone is larger is refused at once; `mediaRequestLimits` checks whole requests.
   */
  maxRequestBytes?: number | undefined;
  /** Called as the bytes are handed to the request body: `{ bytesSent, totalBytes, fileName }`. */
  onProgress?: ((progress: MediaProgress) => void) | undefined;
  /**
   * URLs: reach private, loopback and link-local addresses too: `true` for any, or a list of
   * the addresses allowed. Default `false`: every resolved address of every hop must be public.
   */
  allowPrivateNetwork?: boolean | readonly string[] | undefined;
  /** URLs: the whole download's time limit in ms. Default 30_000. */
  downloadTimeoutMs?: number | undefined;
  /** URLs: how many redirects are followed. Default 5. */
  maxRedirects?: number | undefined;
  /** Cancels a download. */
  signal?: AbortSignal | undefined;
}

/**
 * Turns a file, bytes, a Blob, a stream or a URL into a part either client sends inline, with
 * its base64 streamed while the request is sent (never built as a string). The media type comes
 * from the magic bytes, then the caller's `mimeType`, then the extension; a type Gemini does not
 * read, a `mimeType` the bytes contradict, or media too large to fit inline is refused here,
 * before any upload. The result is itself a native Gemini part; `toOpenAIPart()` gives the
 * OpenAI-route part.
 *
 * @example
 * ```ts
 * import { inlineMedia } from '@gemgate/media';
 * import { createGemini } from '@gemgate/native-gemini';
 * const image = await inlineMedia({ source: 'photo.jpeg' });
 * const gemini = createGemini({ apiKey: process.env.AIHUBMIX_API_KEY });
 * const response = await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: [image, 'Describe the image.'] });
 * ```
 */
export async function inlineMedia({
  source,
  mimeType,
  mediaResolution,
  fileName,
  byteLength,
  maxRequestBytes = defaultMaxRequestBytes,
  onProgress,
  allowPrivateNetwork = false,
  downloadTimeoutMs,
  maxRedirects,
  signal,
}: InlineMediaOptions): Promise<MediaPart> {
  if (!Number.isSafeInteger(maxRequestBytes) || maxRequestBytes <= 0) {
    throw new InvalidArgumentError(
      `maxRequestBytes must be a whole number of bytes above 0, got ${String(maxRequestBytes)}.`,
      { argument: 'maxRequestBytes' },
    );
  }
  if (mimeType !== undefined && (typeof mimeType !== 'string' || !mimeType.includes('/'))) {
    throw new InvalidArgumentError(
      `mimeType must be a media type such as "image/png", got ${JSON.stringify(mimeType)}.`,
      { argument: 'mimeType' },
    );
  }
  const resolution =
    mediaResolution === undefined ? undefined : parseMediaResolution({ value: mediaResolution });
  const bytes = await readMediaSource({
    source,
    byteLength,
    fileName,
    maxBytes: maxRawBytes({ maxRequestBytes }),
    download: { timeoutMs: downloadTimeoutMs, maxRedirects, allowPrivateNetwork, signal },
  });
  const encoded = base64Length({ byteLength: bytes.byteLength });
  if (encoded > maxRequestBytes) {
    oversizedRequest({ size: encoded, limit: maxRequestBytes, subject: bytes.fileName ?? 'This media' });
  }
  const detected = await detectMimeType({
    head: bytes.head,
    fileName: bytes.fileName,
    mimeType,
    statedMimeType: bytes.statedMimeType,
  });
  return new MediaPart({
    mimeType: detected.mimeType,
    family: detected.family,
    byteLength: bytes.byteLength,
    fileName: bytes.fileName,
    replayable: bytes.replayable,
    mediaResolution: resolution,
    open: bytes.open,
    onProgress,
  });
}
