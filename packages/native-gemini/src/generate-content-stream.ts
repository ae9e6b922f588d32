import { AbortedError, InvalidArgumentError, type StreamTransportResponse } from '@gemgate/core-transport';
import type { z } from 'zod';
import { GenerateContentResponse } from './generate-content-response.js';
import { LazyPromise } from './lazy-promise.js';
import { generateContentResponseSchema } from './response-schemas.js';
import { StreamAccumulator } from './stream-accumulator.js';
import { validateResponse } from './validate-response.js';
import type { GenerateContentResponseBody } from './wire-types.js';

/** What `await stream` gives: the same chunks and final response, without the thenable. */
export interface GenerateContentStreamView extends AsyncIterable<GenerateContentResponse> {
  readonly response: Promise<GenerateContentResponse>;
}

/**
 * The answer of `generateContentStream`: an async iterable of chunk responses (each with the
 * same helpers as a whole response) and `response`, the aggregated answer once the stream
 * ends. The request is sent on first use. `await`ing the stream itself waits for the answer's
 * headers (so HTTP errors surface there, as with `@google/genai`) and gives a plain view.
 *
 * `response` reads the stream to its end if nobody iterates it; awaiting it inside a
 * `for await` loop over the same stream would wait forever, so await it after the loop.
 *
 * @example
 * ```ts
 * import { createGemini } from '@gemgate/native-gemini';
 * const gemini = createGemini({ apiKey: 'sk-...' });
 * const stream = gemini.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Hi' });
 * for await (const chunk of stream) process.stdout.write(chunk.text);
 * console.log((await stream.response).usage);
 * ```
 */
export class GenerateContentStream implements GenerateContentStreamView {
  /** The aggregated answer: parts merged in order, last usage snapshot, last finish reason. */
  readonly response: LazyPromise<GenerateContentResponse>;
  readonly #open: (options: { cancelled: () => boolean }) => Promise<StreamTransportResponse>;
  readonly #zodSchema: z.ZodType | undefined;
  readonly #onComplete: ((response: GenerateContentResponse) => void) | undefined;
  readonly #unreadStreams: Set<(reason: Error) => void> | undefined;
  #opened: Promise<StreamTransportResponse> | undefined;
  #consumed = false;
  /** Set once the loop reads the events: from then on, leaving the loop releases them. */
  #reading = false;
  #cancelled: Error | undefined;
  /** This stream's entry in `unreadStreams`, from the moment its request leaves until it is read. */
  #cancelOnClose: ((reason: Error) => void) | undefined;

  constructor({
    open,
    zodSchema,
    onComplete,
    unreadStreams,
  }: {
    /** Sends the request; called once, on first use. `cancelled()` says whether it is still wanted. */
    open: (options: { cancelled: () => boolean }) => Promise<StreamTransportResponse>;
    zodSchema?: z.ZodType | undefined;
    /** Called with the aggregated answer before `response` resolves (chats commit history here). */
    onComplete?: ((response: GenerateContentResponse) => void) | undefined;
    /** Where an opened stream waits until it is read, so the client's `close()` can release it. */
    unreadStreams?: Set<(reason: Error) => void> | undefined;
  }) {
    this.#unreadStreams = unreadStreams;
    this.#open = open;
    this.#zodSchema = zodSchema;
    this.#onComplete = onComplete;
    this.response = new LazyPromise({ onDemand: () => this.#drainIfIdle() });
  }

  #start(): Promise<StreamTransportResponse> {
    if (this.#opened) return this.#opened;
    if (this.#cancelled) return Promise.reject(this.#cancelled);
    const cancelOnClose = (reason: Error) => this.#cancel(reason);
    this.#cancelOnClose = cancelOnClose;
    this.#unreadStreams?.add(cancelOnClose);
    this.#opened = this.#open({ cancelled: () => this.#cancelled !== undefined });
    // A request that failed holds no socket: the client's close has nothing to release.
    this.#opened.then(undefined, () => this.#unreadStreams?.delete(cancelOnClose));
    return this.#opened;
  }

  /**
   * Gives up the stream before it is read: the request is not sent if it has not left yet,
   * the transport's events are released (which frees the socket, now or once the headers
   * arrive) and `response` rejects. Nothing happens once reading has begun: the loop then
   * owns the events and releases them on leaving.
   */
  #cancel(reason: Error): void {
    if (this.#cancelled || this.#reading) return;
    this.#cancelled = reason;
    if (this.#cancelOnClose) this.#unreadStreams?.delete(this.#cancelOnClose);
    if (!this.response.settled) this.response.reject(reason);
    this.#opened?.then(releaseEvents, ignore);
  }

  #drainIfIdle(): void {
    // A cancelled stream's `response` is already rejected: nothing to read for it.
    if (this.#consumed || this.#cancelled) return;
    void (async () => {
      for await (const _chunk of this) {
        // Reading to the end settles `response`; the chunks themselves are not wanted.
      }
    })().catch(() => {});
  }

  [Symbol.asyncIterator](): AsyncIterator<GenerateContentResponse> {
    if (this.#consumed) {
      throw new InvalidArgumentError(
        'This stream was already read: a stream can be iterated once (use stream.response for the whole answer).',
      );
    }
    this.#consumed = true;
    return new ChunkIterator({
      chunks: this.#iterate(),
      cancel: () =>
        this.#cancel(
          new AbortedError('The stream was closed before its end, so there is no final response.'),
        ),
    });
  }

  async *#iterate(): AsyncGenerator<GenerateContentResponse> {
    const accumulator = new StreamAccumulator();
    try {
      const opened = await this.#start();
      // Closed (by the client's close) while the headers were on their way: the events are released.
      if (this.#cancelled) throw this.#cancelled;
      this.#reading = true;
      if (this.#cancelOnClose) this.#unreadStreams?.delete(this.#cancelOnClose);
      const { requestId } = opened;
      for await (const event of opened.events) {
        const body = validateResponse<GenerateContentResponseBody>({
          schema: generateContentResponseSchema,
          body: event,
          what: 'streamGenerateContent chunk',
          requestId,
        });
        accumulator.add(body);
        yield new GenerateContentResponse({ raw: body, requestId, zodSchema: this.#zodSchema });
      }
      const final = new GenerateContentResponse({
        raw: accumulator.result(),
        requestId,
        zodSchema: this.#zodSchema,
      });
      this.#onComplete?.(final);
      this.response.resolve(final);
    } catch (error) {
      if (!this.response.settled) this.response.reject(error);
      throw error;
    } finally {
      if (!this.response.settled) {
        this.response.reject(
          new AbortedError('The stream was closed before its end, so there is no final response.'),
        );
      }
    }
  }

  /** Waits for the answer's headers and gives a plain (non-thenable) view of the stream. */
  // biome-ignore lint/suspicious/noThenProperty: awaiting the stream mirrors @google/genai, which returns Promise<AsyncGenerator>.
  then<TResult1 = GenerateContentStreamView, TResult2 = never>(
    onFulfilled?: ((value: GenerateContentStreamView) => TResult1 | PromiseLike<TResult1>) | null,
    onRejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    const view: GenerateContentStreamView = {
      response: this.response,
      [Symbol.asyncIterator]: () => this[Symbol.asyncIterator](),
    };
    return this.#start()
      .then(() => view)
      .then(onFulfilled, onRejected);
  }
}

const ignore = (): void => {};

/** Frees the socket of an answer nobody will read (the transport's events allow `return()` before any `next()`). */
function releaseEvents(opened: StreamTransportResponse): void {
  opened.events[Symbol.asyncIterator]().return?.()?.then(undefined, ignore);
}

/**
 * The iterator `for await` gets. A generator ended before its first `next()` never runs, so
 * its `finally` would not release the transport's events: `return()` and `throw()` at that
 * point cancel the stream instead. Each `next()` is handed straight to the generator.
 */
class ChunkIterator implements AsyncIterator<GenerateContentResponse> {
  readonly #chunks: AsyncGenerator<GenerateContentResponse>;
  readonly #cancel: () => void;
  #started = false;

  constructor({ chunks, cancel }: { chunks: AsyncGenerator<GenerateContentResponse>; cancel: () => void }) {
    this.#chunks = chunks;
    this.#cancel = cancel;
  }

  next(): Promise<IteratorResult<GenerateContentResponse>> {
    this.#started = true;
    return this.#chunks.next();
  }

  return(value?: unknown): Promise<IteratorResult<GenerateContentResponse>> {
    this.#cancelUnstarted();
    return this.#chunks.return(value as undefined);
  }

  throw(error?: unknown): Promise<IteratorResult<GenerateContentResponse>> {
    this.#cancelUnstarted();
    return this.#chunks.throw(error);
  }

  #cancelUnstarted(): void {
    if (this.#started) return;
    this.#started = true;
    this.#cancel();
  }
}
