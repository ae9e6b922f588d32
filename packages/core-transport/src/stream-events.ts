import type { CallScope } from './call-scope.js';
import { ChunkGapTimer } from './chunk-gap-timer.js';
import { errorFromResponse, isErrorEnvelope } from './error-from-response.js';
import { ConnectionError, GemgateError, ResponseValidationError, StreamInterruptedError } from './errors.js';
import { JsonArrayDecoder } from './json-array-decoder.js';
import { mapNetworkError } from './map-network-error.js';
import { preciseTimeoutBelowMs } from './precise-timeout.js';
import { redactJsonSyntaxError, redactSecrets } from './redact-secrets.js';
import { SseDecoder } from './sse-decoder.js';
import type { StreamFormat } from './transport-types.js';

/** The part of an undici response body the stream reader needs. */
export interface ResponseBodyStream extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * The events of a streamed answer: each SSE `data` (until `[DONE]`) or JSON-array
 * element, parsed. An `{error:{...}}` event becomes the typed error; a connection that
 * ends mid-event, or breaks, becomes a `StreamInterruptedError` holding every event that
 * arrived. Leaving the loop early destroys the body, which frees the socket, and so does
 * `return()` on an iterator never read from (a generator would ignore that one, holding
 * the socket, and `transport.close()` with it, until the total timeout).
 */
export function streamEvents(options: StreamEventsOptions): AsyncIterable<unknown> {
  return new StreamEvents(options);
}

interface StreamEventsOptions {
  body: ResponseBodyStream;
  format: StreamFormat;
  scope: CallScope;
  secrets: readonly string[];
  headers: Record<string, string>;
  timeouts: { firstByte: number; chunkGap: number };
}

/** Whether `events` are the transport's own, already checked for error events. */
export function isWireEvents(events: AsyncIterable<unknown>): boolean {
  return events instanceof StreamEvents;
}

/** Single use, as the response's `events` is documented to be. */
class StreamEvents implements AsyncIterableIterator<unknown> {
  private readonly options: StreamEventsOptions;
  private readonly events: AsyncGenerator<unknown, void, undefined>;
  private started = false;

  constructor(options: StreamEventsOptions) {
    this.options = options;
    this.events = readEvents(options);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<unknown>> {
    this.started = true;
    return this.events.next();
  }

  return(): Promise<IteratorResult<unknown>> {
    if (!this.started) this.releaseUnread();
    return this.events.return(undefined);
  }

  throw(error?: unknown): Promise<IteratorResult<unknown>> {
    if (!this.started) this.releaseUnread();
    return this.events.throw(error);
  }

  /** Ending a generator that never ran skips its `finally`: free the socket here instead. */
  private releaseUnread(): void {
    this.started = true;
    // Nobody listens to a body never read: without this, the abort error undici raises on
    // destroying it would be an uncaught exception.
    this.options.body.on('error', ignore);
    this.options.body.destroy();
    this.options.scope.dispose();
  }
}

const ignore = (): void => {};

/**
 * Whether a body's first chunk opens a JSON object or array. An event stream never does:
 * its lines start with a field name, a colon or a line end.
 */
function startsAsJson(chunk: Uint8Array): boolean {
  for (let index = 0; index < chunk.length; index++) {
    const code = chunk[index]!;
    if (code === 0x7b || code === 0x5b) return true;
    // Whitespace and the bytes of a BOM may come first.
    if (
      code !== 0x20 &&
      code !== 0x09 &&
      code !== 0x0a &&
      code !== 0x0d &&
      code !== 0xef &&
      code !== 0xbb &&
      code !== 0xbf
    ) {
      return false;
    }
  }
  return false;
}

/** The reading loop behind `streamEvents`. */
async function* readEvents({
  body,
  format,
  scope,
  secrets,
  headers,
  timeouts,
}: StreamEventsOptions): AsyncGenerator<unknown, void, undefined> {
  const partial: unknown[] = [];
  // Read by hand rather than with `for await`, which would destroy the body on leaving the
  // loop: after `[DONE]` or the array's closing `]` the caller gets the end of the stream at
  // once, while the rest of the body is drained behind it so the socket can be reused.
  const chunks = body[Symbol.asyncIterator]();
  let finished = false;
  let drainLater = false;
  const gapTimer =
    timeouts.chunkGap < preciseTimeoutBelowMs
      ? new ChunkGapTimer({ gapMs: timeouts.chunkGap, onTimeout: (error) => body.destroy(error) })
      : undefined;
  try {
    gapTimer?.waiting();
    const first = await chunks.next();
    // An SSE request answered with plain JSON (a proxy that dropped `alt=sse`, or an error
    // object sent with a 200) is read as what it is: the array decoder takes a lone object
    // too. Told by the first byte, not the content type, which the gateway gets wrong.
    if (format === 'sse' && (first.done || !startsAsJson(first.value))) {
      const decoder = new SseDecoder();
      reading: for (let result = first; !result.done; result = await chunks.next()) {
        gapTimer?.busy();
        const events = decoder.push(result.value);
        for (let index = 0; index < events.length; index++) {
          const data = events[index]!.data;
          if (data === '[DONE]') {
            drainLater = true;
            break reading;
          }
          const value = parseEvent({ data, partial, secrets });
          throwIfErrorEvent({ value, headers, secrets });
          partial.push(value);
          yield value;
        }
        gapTimer?.waiting();
      }
      if (!drainLater && decoder.end().incomplete) throw interrupted(partial);
    } else {
      const decoder = new JsonArrayDecoder();
      for (let result = first; !result.done; result = await chunks.next()) {
        gapTimer?.busy();
        let elements: unknown[];
        try {
          elements = decoder.push(result.value);
        } catch (cause) {
          throw new ResponseValidationError('The streamed JSON array is not valid JSON.', {
            cause: redactJsonSyntaxError(cause),
          });
        }
        for (const value of elements) {
          throwIfErrorEvent({ value, headers, secrets });
          partial.push(value);
          yield value;
        }
        if (decoder.closed) {
          drainLater = true;
          break;
        }
        gapTimer?.waiting();
      }
      if (!drainLater && decoder.end().incomplete) throw interrupted(partial);
    }
    finished = true;
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
    gapTimer?.stop();
    if (!finished) {
      body.destroy();
      scope.dispose();
    } else if (drainLater) {
      // Bounded by undici's body timeout and the call's total timeout, which stays armed.
      void drainQuietly(chunks).finally(() => scope.dispose());
    } else {
      scope.dispose();
    }
  }
}

/** Reads what is left of a body whose events have all been delivered; its failures concern no one. */
async function drainQuietly(chunks: AsyncIterator<Uint8Array>): Promise<void> {
  try {
    while (!(await chunks.next()).done) {
      // Discarded: the stream's end marker has already been seen.
    }
  } catch {
    // The socket is closed instead of reused; nothing else is lost.
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
  secrets,
}: {
  data: string;
  partial: unknown[];
  secrets: readonly string[];
}): unknown {
  try {
    return JSON.parse(data);
  } catch (cause) {
    throw new ResponseValidationError(
      redactSecrets(`Stream event ${partial.length} is not JSON: ${data.slice(0, 200)}`, secrets),
      { cause: redactJsonSyntaxError(cause) },
    );
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
  if (!isErrorEnvelope(value)) return;
  throw errorFromResponse({ status: 200, headers, body: value, secrets });
}
