import { ResponseValidationError, StreamInterruptedError } from './errors.js';
import { JsonArrayDecoder } from './json-array-decoder.js';
import { redactJsonSyntaxError } from './redact-secrets.js';

/**
 * Yields each element of a streamed top-level JSON array as soon as it is complete:
 * Gemini's `:streamGenerateContent` body without `alt=sse` (`[{...}\n,\r\n{...}]`), split
 * at any byte. A stream that stops inside an element or before the closing `]` (or
 * before the opening `[`) raises a `StreamInterruptedError` holding the elements that did
 * arrive; bytes that are not a JSON array raise a `ResponseValidationError`.
 *
 * @example
 * ```ts
 * import { decodeJsonArrayStream } from '@gemgate/core-transport';
 * async function* chunks() {
 *   yield '[{"text":"a]"}\n,';
 *   yield '\r\n{"text":"b"}]';
 * }
 * for await (const element of decodeJsonArrayStream(chunks())) console.log(element);
 * ```
 */
export async function* decodeJsonArrayStream(
  chunks: AsyncIterable<Uint8Array | string>,
): AsyncIterable<unknown> {
  const decoder = new JsonArrayDecoder();
  const partial: unknown[] = [];
  for await (const chunk of chunks) {
    let elements: unknown[];
    try {
      elements = decoder.push(chunk);
    } catch (cause) {
      throw new ResponseValidationError(
        `The streamed JSON array is not valid JSON after ${partial.length} elements.`,
        {
          cause: redactJsonSyntaxError(cause),
        },
      );
    }
    for (const element of elements) {
      partial.push(element);
      yield element;
    }
  }
  if (decoder.end().incomplete) {
    throw new StreamInterruptedError('The JSON array stream stopped before it was complete.', { partial });
  }
}
