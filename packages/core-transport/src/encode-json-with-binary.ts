import { base64Length, encodeBase64Stream } from './base64-encode-stream.js';
import { type BinarySlot, isBinarySlot } from './binary-slot.js';
import { InvalidArgumentError } from './errors.js';

/** A JSON body ready to stream: its exact size in bytes and a fresh read of its bytes per try. */
export interface EncodedJsonWithBinary {
  /** The body's size in bytes (UTF-8 of the JSON text, the base64 of every slot included). */
  length: number;
  /** Whether `chunks()` may be read again (every slot is replayable), so a failed try may be retried. */
  replayable: boolean;
  /** The body's bytes, from the start; each call opens every slot's source anew. */
  chunks(): AsyncIterable<Uint8Array>;
}

type Segment = Uint8Array | BinarySlot;

const encoder = new TextEncoder();
const quote = encoder.encode('"');

/**
 * Serialises a JSON value whose string values may be `BinarySlot`s, as `JSON.stringify` would
 * (`toJSON`, key order, escaping, `undefined` dropped or `null` in arrays), except that each
 * slot becomes `"prefix + base64(bytes)"` read from its source while the body is sent. The JSON
 * around the slots is walked once, up front; the total length is known before a byte is sent;
 * the base64 is streamed in bounded memory. A source that yields more or fewer bytes than its
 * `byteLength` fails the read with an `InvalidArgumentError` saying so (the request is aborted,
 * never sent short).
 *
 * @example
 * ```ts
 * import { binarySource, encodeJsonWithBinary } from '@gemgate/core-transport';
 * const data = binarySource({ byteLength: 3, open: async function* () { yield new Uint8Array([1, 2, 3]); } });
 * const body = encodeJsonWithBinary({ value: { inlineData: { mimeType: 'image/png', data } } });
 * body.length; // 53, the bytes of {"inlineData":{"mimeType":"image/png","data":"AQID"}}
 * ```
 */
export function encodeJsonWithBinary({ value }: { value: unknown }): EncodedJsonWithBinary {
  const segments: Segment[] = [];
  let text = '';
  let length = 0;
  let replayable = true;
  const flushText = () => {
    if (text === '') return;
    const bytes = encoder.encode(text);
    segments.push(bytes);
    length += bytes.length;
    text = '';
  };
  // Objects on the path from the root: a cycle is an error, as in JSON.stringify.
  const ancestors = new Set<object>();

  /** Appends the JSON of `item`; returns false when it has none (`undefined`, a function, a symbol). */
  const write = (item: unknown, key: string): boolean => {
    if (isBinarySlot(item)) {
      text += `${JSON.stringify(item.prefix).slice(0, -1)}`;
      flushText();
      segments.push(item);
      length += base64Length({ byteLength: item.byteLength }) + quote.length;
      if (!item.replayable) replayable = false;
      return true;
    }
    let current = item;
    if (typeof current === 'object' && current !== null && typeof (current as ToJson).toJSON === 'function') {
      current = (current as ToJson).toJSON(key);
      if (isBinarySlot(current)) return write(current, key);
    }
    if (typeof current !== 'object' || current === null || isLeafObject(current)) {
      const json = JSON.stringify(current);
      if (json === undefined) return false;
      text += json;
      return true;
    }
    if (ancestors.has(current)) {
      throw new InvalidArgumentError(`The request body is circular at "${key}": it cannot be sent as JSON.`);
    }
    ancestors.add(current);
    if (Array.isArray(current)) {
      text += '[';
      for (let index = 0; index < current.length; index++) {
        if (index > 0) text += ',';
        if (!write(current[index], String(index))) text += 'null';
      }
      text += ']';
    } else {
      text += '{';
      let first = true;
      for (const name of Object.keys(current)) {
        const member = (current as Record<string, unknown>)[name];
        if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
        const before = text;
        text += `${first ? '' : ','}${JSON.stringify(name)}:`;
        // A member whose toJSON gives undefined is dropped, as JSON.stringify drops it.
        if (write(member, name)) first = false;
        else text = before;
      }
      text += '}';
    }
    ancestors.delete(current);
    return true;
  };

  if (!write(value, '')) {
    throw new InvalidArgumentError('The request body has no JSON form (undefined, a function or a symbol).');
  }
  flushText();

  return {
    length,
    replayable,
    chunks: () => streamSegments({ segments }),
  };
}

interface ToJson {
  toJSON(key: string): unknown;
}

/** Objects JSON.stringify turns into a primitive (boxed values, raw JSON): no slot can hide inside. */
function isLeafObject(value: object): boolean {
  return (
    value instanceof Number ||
    value instanceof String ||
    value instanceof Boolean ||
    value instanceof BigInt ||
    (JSON as { isRawJSON?: (value: unknown) => boolean }).isRawJSON?.(value) === true
  );
}

async function* streamSegments({ segments }: { segments: readonly Segment[] }): AsyncGenerator<Uint8Array> {
  for (const segment of segments) {
    if (segment instanceof Uint8Array) {
      yield segment;
      continue;
    }
    yield* encodeBase64Stream({ chunks: countBytes({ slot: segment }) });
    yield quote;
  }
}

/** Hands the slot's bytes on, failing as soon as they disagree with its `byteLength`. */
async function* countBytes({ slot }: { slot: BinarySlot }): AsyncGenerator<Uint8Array> {
  let received = 0;
  for await (const chunk of slot.open()) {
    received += chunk.byteLength;
    // Fail before the excess is sent: the declared content-length cannot hold it.
    if (received > slot.byteLength) throw wrongLength({ slot, received: `more than ${slot.byteLength}` });
    yield chunk;
  }
  if (received < slot.byteLength) throw wrongLength({ slot, received: String(received) });
}

function wrongLength({ slot, received }: { slot: BinarySlot; received: string }): InvalidArgumentError {
  return new InvalidArgumentError(
    `A binary source yielded ${received} bytes but declared byteLength ${slot.byteLength}: pass the exact size of the data to binarySource (the request was not sent whole).`,
    { argument: 'byteLength' },
  );
}
