import type { CallScope } from './call-scope.js';
import { ChunkGapTimer } from './chunk-gap-timer.js';
import type { SseEvent } from './decode-sse.js';
import { errorFromResponse, isErrorEnvelope, redactHeaders } from './error-from-response.js';
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
 * `return()` on an iterator never read from.
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
  /** The answer's status and request id, for the error of a stream that breaks. */
  status?: number | undefined;
  requestId?: string | undefined;
  timeouts: { firstByte: number; chunkGap: number };
}

/** Whether `events` are the transport's own, already checked for error events. */
export function isWireEvents(events: AsyncIterable<unknown>): boolean {
  return events instanceof StreamEvents;
}

/** What `takeBufferedEvent` gives when no event is decoded and waiting. */
export const noBufferedEvent: unique symbol = Symbol('noBufferedEvent');

/**
 * The next event of the transport's own events when it is already decoded (one network
 * read carries many), taken without a promise; `noBufferedEvent` when a read is needed
 * (then call `next()`), or when `events` are not the transport's. Throws what `next()`
 * would reject with.
 *
 * @example
 * ```ts
 * const event = takeBufferedEvent(iterator);
 * const result = event === noBufferedEvent ? await iterator.next() : { value: event, done: false };
 * ```
 */
export function takeBufferedEvent(events: unknown): unknown {
  return events instanceof StreamEvents ? events.takeBuffered() : noBufferedEvent;
}

type ReadState = 'unread' | 'reading' | 'finished';

const done: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true }) as never;

/**
 * Hand-written rather than an async generator: a generator pays a promise and a queue entry
 * per `yield`, and one network read carries tens of events, which are handed out here from
 * the decoded batch with no await (and, through `takeBufferedEvent`, with no promise at all).
 * Single use, as the response's `events` is documented to be.
 */
class StreamEvents implements AsyncIterableIterator<unknown> {
  readonly #options: StreamEventsOptions;
  #chunks: AsyncIterator<Uint8Array> | undefined;
  #sse: SseDecoder | undefined;
  #array: JsonArrayDecoder | undefined;
  /** Decoded and not yet handed out: SSE events (parsed when taken) or parsed array elements. */
  #batch: readonly unknown[] = [];
  #position = 0;
  /** Every event handed out, for the `StreamInterruptedError` of a stream that breaks. */
  #partial: unknown[] = [];
  /** The end marker (`[DONE]`, the array's `]`) was read: the rest of the body is drained. */
  #marked = false;
  #state: ReadState = 'unread';
  #pulling: Promise<IteratorResult<unknown>> | undefined;
  #gapTimer: ChunkGapTimer | undefined;

  constructor(options: StreamEventsOptions) {
    this.#options = options;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.#pulling) return this.#pulling.then(() => this.next());
    let value: unknown;
    try {
      value = this.takeBuffered();
    } catch (error) {
      return Promise.reject(error);
    }
    if (value !== noBufferedEvent) return Promise.resolve({ value, done: false });
    if (this.#state === 'finished') return Promise.resolve(done);
    const pulling = this.#pull();
    this.#pulling = pulling;
    const clear = () => {
      this.#pulling = undefined;
    };
    pulling.then(clear, clear);
    return pulling;
  }

  return(): Promise<IteratorResult<unknown>> {
    // Asked while a read is on its way: after it, as a generator would.
    if (this.#pulling)
      return this.#pulling.then(
        () => this.return(),
        () => this.return(),
      );
    if (this.#state === 'unread') {
      // Nobody listens to a body never read: without this, the abort error undici raises on
      // destroying it would be an uncaught exception.
      this.#options.body.on('error', ignore);
    }
    if (this.#state !== 'finished') this.#release();
    return Promise.resolve(done);
  }

  throw(error?: unknown): Promise<IteratorResult<unknown>> {
    return this.return().then(() => Promise.reject(error));
  }

  /** The next decoded event, checked, or `noBufferedEvent`; see `takeBufferedEvent`. */
  takeBuffered(): unknown {
    if (this.#pulling || this.#state !== 'reading') return noBufferedEvent;
    try {
      return this.#take();
    } catch (error) {
      throw this.#fail(error);
    }
  }

  #take(): unknown {
    const batch = this.#batch;
    const partial = this.#partial;
    const { headers, secrets } = this.#options;
    while (this.#position < batch.length) {
      const item = batch[this.#position++];
      let value: unknown;
      if (this.#sse) {
        const data = (item as SseEvent).data;
        if (data === '[DONE]') {
          this.#marked = true;
          this.#batch = [];
          this.#position = 0;
          this.#finish();
          return noBufferedEvent;
        }
        value = parseEvent({ data, count: partial.length, secrets });
      } else value = item;
      if (isErrorEnvelope(value)) throw errorFromResponse({ status: 200, headers, body: value, secrets });
      partial.push(value);
      return value;
    }
    // An array whose closing `]` came with its last elements: the events are over.
    if (this.#array?.closed && this.#state === 'reading') {
      this.#marked = true;
      this.#finish();
    }
    return noBufferedEvent;
  }

  /** Reads the body until an event is decoded or the body ends. */
  async #pull(): Promise<IteratorResult<unknown>> {
    const { body, format, timeouts } = this.#options;
    try {
      if (this.#state === 'unread') {
        this.#state = 'reading';
        // Read by hand rather than with `for await`, which would destroy the body on leaving:
        // after `[DONE]` or the array's `]` the caller gets the end of the stream at once,
        // while the rest of the body is drained behind it so the socket can be reused.
        this.#chunks = body[Symbol.asyncIterator]();
        if (timeouts.chunkGap < preciseTimeoutBelowMs) {
          this.#gapTimer = new ChunkGapTimer({
            gapMs: timeouts.chunkGap,
            onTimeout: (error) => body.destroy(error),
          });
        }
      }
      const chunks = this.#chunks!;
      for (;;) {
        this.#gapTimer?.waiting();
        const result = await chunks.next();
        this.#gapTimer?.busy();
        if (this.#state === 'finished') return done;
        if (result.done) {
          // An empty SSE body is a stream of no events; an empty array body lacks its brackets,
          // which Gemini always sends.
          const incomplete =
            this.#sse || this.#array ? (this.#sse ?? this.#array)!.end().incomplete : format !== 'sse';
          if (incomplete) throw this.#interrupted('The stream stopped in the middle of an event');
          this.#finish();
          return done;
        }
        this.#decode(result.value, format);
        const value = this.#take();
        if (value !== noBufferedEvent) return { value, done: false };
        // `#take()` may have met the end marker.
        if ((this.#state as ReadState) === 'finished') return done;
      }
    } catch (error) {
      throw this.#fail(error);
    }
  }

  #decode(chunk: Uint8Array, format: StreamFormat): void {
    if (!this.#sse && !this.#array) {
      // An SSE request answered with plain JSON (a proxy that dropped `alt=sse`, or an error
      // object sent with a 200) is read as what it is: the array decoder takes a lone object
      // too. Told by the first byte, not the content type, which the gateway gets wrong.
      if (format === 'sse' && !startsAsJson(chunk)) this.#sse = new SseDecoder();
      else this.#array = new JsonArrayDecoder();
    }
    if (this.#sse) {
      this.#batch = this.#sse.push(chunk);
    } else {
      try {
        this.#batch = this.#array!.push(chunk);
      } catch (cause) {
        throw new ResponseValidationError('The streamed JSON array is not valid JSON.', {
          cause: redactJsonSyntaxError(cause),
        });
      }
    }
    this.#position = 0;
  }

  /** All events delivered: the socket goes back to the pool (after a drain, past an end marker). */
  #finish(): void {
    if (this.#state === 'finished') return;
    this.#state = 'finished';
    this.#gapTimer?.stop();
    const { scope } = this.#options;
    if (this.#marked && this.#chunks) {
      // Bounded by undici's body timeout and the call's total timeout, which stays armed.
      void drainQuietly(this.#chunks).finally(() => scope.dispose());
    } else scope.dispose();
    this.#forget();
  }

  /** The events end early (the reader left, or failed): the body is destroyed, freeing the socket. */
  #release(): void {
    this.#state = 'finished';
    this.#gapTimer?.stop();
    this.#options.body.destroy();
    this.#options.scope.dispose();
    this.#forget();
  }

  /**
   * The answer that holds these events outlives them (a stream's `requestId`, and a dropped
   * stream is only collected by a full GC): keep nothing of the body once it is over.
   */
  #forget(): void {
    this.#batch = [];
    this.#position = 0;
    this.#partial = [];
    this.#chunks = undefined;
    this.#sse = undefined;
    this.#array = undefined;
    this.#gapTimer = undefined;
  }

  /** The error the reader gets, typed, with the socket freed. */
  #fail(error: unknown): unknown {
    const partial = this.#partial;
    if (this.#state !== 'finished') this.#release();
    if (GemgateError.isInstance(error)) return error;
    const { timeouts, secrets } = this.#options;
    const mapped = mapNetworkError({ error, timeouts, secrets });
    if (ConnectionError.isInstance(mapped)) {
      return this.#interrupted(`The stream broke (${mapped.message})`, { partial, cause: error });
    }
    return mapped;
  }

  /** A stream that ended early, with what arrived and the answer it belongs to. */
  #interrupted(
    what: string,
    { partial = this.#partial, cause }: { partial?: unknown[]; cause?: unknown } = {},
  ): StreamInterruptedError {
    const { status, requestId, headers, secrets } = this.#options;
    return new StreamInterruptedError(`${what} after ${partial.length} events.`, {
      partial,
      cause,
      statusCode: status,
      requestId,
      headers: redactHeaders({ headers, secrets }),
    });
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

function parseEvent({
  data,
  count,
  secrets,
}: {
  data: string;
  count: number;
  secrets: readonly string[];
}): unknown {
  try {
    return JSON.parse(data);
  } catch (cause) {
    throw new ResponseValidationError(
      redactSecrets(`Stream event ${count} is not JSON: ${data.slice(0, 200)}`, secrets),
      { cause: redactJsonSyntaxError(cause) },
    );
  }
}
