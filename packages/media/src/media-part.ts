import { type BinarySlot, binarySource, InvalidArgumentError } from '@gemgate/core-transport';
import type { MediaFamily } from './accepted-mime-types.js';
import type { MediaResolution } from './media-resolution.js';
import { base64Length } from './request-limit.js';

/** A native Gemini part with inline data streamed from its source (`toGeminiPart()`). */
// Object types, not interfaces: only these are assignable to the clients' open part types.
export type GeminiMediaPart = {
  inlineData: { mimeType: string; data: BinarySlot };
  /** Gemini 3 only: this part's own resolution, overriding `config.mediaResolution`. */
  mediaResolution?: { level: MediaResolution };
};

/** An OpenAI-route image part: a data URL streamed from the source. */
export type OpenAIImagePart = {
  type: 'image_url';
  image_url: { url: BinarySlot };
};

/** An OpenAI-route audio part: bare base64 streamed from the source, and its format. */
export type OpenAIAudioPart = {
  type: 'input_audio';
  input_audio: { data: BinarySlot; format: string };
};

/** An OpenAI-route file part (PDF, video, text): a data URL streamed from the source. */
export type OpenAIFilePart = {
  type: 'file';
  file: { file_data: BinarySlot; filename?: string };
};

/** What `toOpenAIPart()` returns, by the media's family. */
export type OpenAIMediaPart = OpenAIImagePart | OpenAIAudioPart | OpenAIFilePart;

/** Progress of one media's upload: bytes handed to the request body so far, of the total. */
export interface MediaProgress {
  bytesSent: number;
  totalBytes: number;
  /** The media's name, when it has one (a path's or URL's last segment, a File's name). */
  fileName: string | undefined;
}

/** What a `MediaPart` is built from (see `inlineMedia`). */
export interface MediaPartInit {
  mimeType: string;
  family: MediaFamily;
  byteLength: number;
  fileName: string | undefined;
  replayable: boolean;
  mediaResolution: MediaResolution | undefined;
  open: () => AsyncIterable<Uint8Array>;
  onProgress: ((progress: MediaProgress) => void) | undefined;
}

/**
 * One piece of media, ready to send. It is itself a native Gemini part (its own fields are
 * exactly `inlineData` and, when set, `mediaResolution`), so `@gemgate/native-gemini` takes it
 * as is in `contents`; `toOpenAIPart()` gives the OpenAI-route part. Either way the base64 is
 * streamed from the source while the request is sent. Make one with `inlineMedia`.
 */
export class MediaPart implements GeminiMediaPart {
  // Lets the clients' open part types (`{ [key: string]: unknown }`) take a MediaPart as is.
  [key: string]: unknown;
  readonly inlineData: { mimeType: string; data: BinarySlot };
  // Declared, not initialised: an absent resolution must be no own field at all.
  declare readonly mediaResolution?: { level: MediaResolution };
  readonly #init: MediaPartInit;
  #opened = false;

  constructor(init: MediaPartInit) {
    this.#init = init;
    this.inlineData = { mimeType: init.mimeType, data: this.#slot({ prefix: '' }) };
    if (init.mediaResolution !== undefined) {
      Object.defineProperty(this, 'mediaResolution', {
        value: { level: init.mediaResolution },
        enumerable: true,
      });
    }
  }

  /** The media type sent, in Google's spelling (`image/jpeg`, `audio/mp3`, `text/csv`). */
  get mimeType(): string {
    return this.#init.mimeType;
  }

  /** Which family the type belongs to: image, audio, video, document or text. */
  get family(): MediaFamily {
    return this.#init.family;
  }

  /** The media's size in bytes, before base64. */
  get byteLength(): number {
    return this.#init.byteLength;
  }

  /** The size of its base64 text (4/3 of `byteLength`, padded). */
  get encodedLength(): number {
    return base64Length({ byteLength: this.#init.byteLength });
  }

  /** The media's name, when it has one. */
  get fileName(): string | undefined {
    return this.#init.fileName;
  }

  /** Whether it can be sent more than once (a stream given with its length cannot). */
  get replayable(): boolean {
    return this.#init.replayable;
  }

  /**
   * The native Gemini part as a plain object: `{ inlineData: { mimeType, data } }`, with
   * `mediaResolution: { level }` when one was given.
   *
   * @example
   * ```ts
   * import { inlineMedia } from '@gemgate/media';
   * const media = await inlineMedia({ source: 'photo.jpeg' });
   * const contents = [{ role: 'user', parts: [media.toGeminiPart(), { text: 'Describe the image.' }] }];
   * ```
   */
  toGeminiPart(): GeminiMediaPart {
    return this.mediaResolution === undefined
      ? { inlineData: this.inlineData }
      : { inlineData: this.inlineData, mediaResolution: this.mediaResolution };
  }

  /**
   * The part for the OpenAI-compatible route: `image_url` with a data URL for an image,
   * `input_audio` for audio, `file` with a data URL for everything else (PDF, video, text).
   * That route has no per-part resolution, so a part made with `mediaResolution` is refused here.
   *
   * @example
   * ```ts
   * import { inlineMedia } from '@gemgate/media';
   * const media = await inlineMedia({ source: 'photo.jpeg' });
   * const messages = [{ role: 'user', content: [media.toOpenAIPart(), { type: 'text', text: 'Describe the image.' }] }];
   * ```
   */
  toOpenAIPart(): OpenAIMediaPart {
    if (this.#init.mediaResolution !== undefined) {
      throw new InvalidArgumentError(
        "A part's own mediaResolution is a native Gemini 3 field; the OpenAI-compatible route has none. Make the part without mediaResolution, or send it through @gemgate/native-gemini.",
        { argument: 'mediaResolution' },
      );
    }
    const { mimeType, family, fileName } = this.#init;
    if (family === 'image') {
      return { type: 'image_url', image_url: { url: this.#slot({ prefix: `data:${mimeType};base64,` }) } };
    }
    if (family === 'audio') {
      return {
        type: 'input_audio',
        input_audio: { data: this.#slot({ prefix: '' }), format: mimeType.slice('audio/'.length) },
      };
    }
    const file: OpenAIFilePart['file'] = { file_data: this.#slot({ prefix: `data:${mimeType};base64,` }) };
    if (fileName !== undefined) file.filename = fileName;
    return { type: 'file', file };
  }

  #slot({ prefix }: { prefix: string }): BinarySlot {
    const { byteLength, replayable } = this.#init;
    return binarySource({ byteLength, prefix, replayable, open: () => this.#open() });
  }

  /** Reads the source, reporting progress; a one-shot source shared by several parts is read once. */
  #open(): AsyncIterable<Uint8Array> {
    const { open, onProgress, byteLength, fileName, replayable } = this.#init;
    if (!replayable && this.#opened) {
      throw new InvalidArgumentError(
        'This media comes from a stream that can be read only once and was already sent: call inlineMedia again with a fresh stream.',
        { argument: 'source' },
      );
    }
    this.#opened = true;
    if (onProgress === undefined) return open();
    return {
      async *[Symbol.asyncIterator]() {
        let bytesSent = 0;
        onProgress({ bytesSent, totalBytes: byteLength, fileName });
        for await (const chunk of open()) {
          yield chunk;
          // Counted once the body has taken the chunk, so the figure trails what is on the wire.
          bytesSent += chunk.byteLength;
          onProgress({ bytesSent, totalBytes: byteLength, fileName });
        }
      },
    };
  }
}
