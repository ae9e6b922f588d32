import type { CallScope } from './call-scope.js';
import { errorFromResponse } from './error-from-response.js';
import { ConnectionError, GemgateError, ResponseValidationError, StreamInterruptedError } from './errors.js';
import { JsonArrayDecoder } from './json-array-decoder.js';
import { mapNetworkError } from './map-network-error.js';
import { SseDecoder } from './sse-decoder.js';
import type { StreamFormat } from './transport-types.js';

/** The part of an undici response body the stream reader needs. */
export interface ResponseBodyStream extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
}

/**
 * The events of a streamed answer: each SSE `data` (until `[DONE]`) or JSON-array
 * element, parsed. An `{error:{...}}` event becomes the typed error; a connection that
 * ends mid-event, or breaks, becomes a `StreamInterruptedError` holding every event that
 * arrived. Leaving the loop early destroys the body, which frees the socket.
 */
export async function* streamEvents({
  body,
  format,
  scope,
  secrets,
  headers,
  timeouts,
}: {
  body: ResponseBodyStream;
  format: StreamFormat;
  scope: CallScope;
  secrets: readonly string[];
  headers: Record<string, string>;
  timeouts: { firstByte: number; chunkGap: number };
}): AsyncGenerator<unknown, void, undefined> {
  const partial: unknown[] = [];
  let completed = false;
  try {
    if (format === 'sse') {
      const decoder = new SseDecoder();
      let done = false;
      for await (const chunk of body) {
        // After `[DONE]` the rest is drained, not decoded, so the socket can be reused.
        if (done) continue;
        const events = decoder.push(chunk);
        for (let index = 0; index < events.length; index++) {
          const data = events[index]!.data;
          if (data === '[DONE]') {
            done = true;
            break;
          }
          const value = parseEvent({ data, secrets, partial });
          throwIfErrorEvent({ value, headers, secrets });
          partial.push(value);
          yield value;
        }
      }
      if (!done && decoder.end().incomplete) throw interrupted(partial);
    } else {
      const decoder = new JsonArrayDecoder();
      for await (const chunk of body) {
        let elements: unknown[];
        try {
          elements = decoder.push(chunk);
        } catch (cause) {
          throw new ResponseValidationError('The streamed JSON array is not valid JSON.', { cause });
        }
        for (const value of elements) {
          throwIfErrorEvent({ value, headers, secrets });
          partial.push(value);
          yield value;
        }
      }
      if (decoder.end().incomplete) throw interrupted(partial);
    }
    completed = true;
  } catch (error) {
    if (GemgateError.isInstance(error)) throw error;
    const mapped = mapNetworkError({ error, timeouts, secrets });
    if (ConnectionError.isInstance(mapped)) {
      throw new StreamInterruptedError(`The stream broke after ${partial.length} events: ${mapped.message}`, {
        partial,
        cause: error,
      });
    }
    throw mapped;
  } finally {
    if (!completed) body.destroy();
    scope.dispose();
  }
}

function interrupted(partial: unknown[]): StreamInterruptedError {
  return new StreamInterruptedError(
    `The stream stopped in the middle of an event after ${partial.length} events.`,
    {
      partial,
    },
  );
}

function parseEvent({
  data,
  partial,
}: {
  data: string;
  secrets: readonly string[];
  partial: unknown[];
}): unknown {
  try {
    return JSON.parse(data);
  } catch (cause) {
    throw new ResponseValidationError(`Stream event ${partial.length} is not JSON.`, { cause });
  }
}

/** The upstream reports a failure after a 200 by sending `{error:{...}}` as an event. */
function throwIfErrorEvent({
  value,
  headers,
  secrets,
}: {
  value: unknown;
  headers: Record<string, string>;
  secrets: readonly string[];
}): void {
  if (typeof value !== 'object' || value === null) return;
  const error = (value as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return;
  throw errorFromResponse({ status: 200, headers, body: value, secrets });
}
