import { InvalidArgumentError } from './errors.js';

const binarySlotMarker = Symbol.for('gemgate.binarySlot');

/**
 * A JSON string value whose text is produced from bytes while the request body is sent:
 * `prefix + base64(bytes)`. Put it where the wire wants base64 (`inlineData.data`, an
 * `image_url.url` data URL, `input_audio.data`, `file.file_data`), and a client sends the body
 * streamed with its exact `content-length`, so a large file is never held as a base64 string.
 * Create one with `binarySource` (it carries the marker `isBinarySlot` looks for).
 */
export interface BinarySlot {
  /** How many bytes `open()` yields; a source that yields more or fewer fails the request. */
  readonly byteLength: number;
  /** Text sent before the base64, e.g. `data:image/png;base64,` for a data URL; `''` for none. */
  readonly prefix: string;
  /** Whether `open()` may be called again (a retry resends the body); a one-shot source is never retried. */
  readonly replayable: boolean;
  /** A fresh read of the bytes, from the start. */
  open(): AsyncIterable<Uint8Array>;
  /** Refuses `JSON.stringify`: a slot only becomes text in a body sent as `json-with-binary`. */
  toJSON(): never;
}

/**
 * Marks a string value of a request body as bytes to stream as base64 while the body is sent.
 * `open` is called once per try and must yield exactly `byteLength` bytes each time; pass
 * `replayable: false` for a source that can be read only once (a network stream, stdin): the
 * request is then never retried, and a second `open()` fails instead of sending nothing.
 *
 * @example
 * ```ts
 * import { createReadStream, statSync } from 'node:fs';
 * import { binarySource } from '@gemgate/core-transport';
 * const path = 'photo.png';
 * const data = binarySource({ byteLength: statSync(path).size, open: () => createReadStream(path) });
 * const part = { inlineData: { mimeType: 'image/png', data } }; // a native Gemini part
 * ```
 */
export function binarySource({
  byteLength,
  open,
  prefix = '',
  replayable = true,
}: {
  byteLength: number;
  open: () => AsyncIterable<Uint8Array>;
  prefix?: string | undefined;
  replayable?: boolean | undefined;
}): BinarySlot {
  if (!Number.isSafeInteger(byteLength) || byteLength < 0) {
    throw new InvalidArgumentError(
      `byteLength must be the source's size in bytes (a whole number of 0 or more), got ${String(byteLength)}.`,
      { argument: 'byteLength' },
    );
  }
  if (typeof open !== 'function') {
    throw new InvalidArgumentError('open must be a function returning a fresh AsyncIterable of the bytes.', {
      argument: 'open',
    });
  }
  if (typeof prefix !== 'string') {
    throw new InvalidArgumentError('prefix must be a string such as "data:image/png;base64,".', {
      argument: 'prefix',
    });
  }
  let opened = false;
  const slot: BinarySlot & { readonly [binarySlotMarker]: true } = {
    // Checked by marker, not `instanceof`, so two copies of this package in one tree agree.
    [binarySlotMarker]: true,
    byteLength,
    prefix,
    replayable,
    open() {
      // A one-shot source opened twice would send nothing the second time, or hang: refuse.
      if (!replayable && opened) {
        throw new InvalidArgumentError(
          'This binary source can be read only once (replayable: false) and was already sent: create a new one per request.',
          { argument: 'open' },
        );
      }
      opened = true;
      return open();
    },
    toJSON(): never {
      throw new InvalidArgumentError(
        'A binary slot cannot be turned into JSON text: send the body as { kind: "json-with-binary", value } (the gemgate clients do this for you).',
      );
    },
  };
  return slot;
}

/**
 * Whether a value is a `BinarySlot`, also one made by another copy of this package.
 *
 * @example
 * ```ts
 * import { binarySource, isBinarySlot } from '@gemgate/core-transport';
 * isBinarySlot(binarySource({ byteLength: 0, open: async function* () {} })); // true
 * isBinarySlot('aGVsbG8='); // false
 * ```
 */
export function isBinarySlot(value: unknown): value is BinarySlot {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[binarySlotMarker] === true
  );
}
