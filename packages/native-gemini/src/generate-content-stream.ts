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
  readonly #open: () => Promise<StreamTransportResponse>;
  readonly #zodSchema: z.ZodType | undefined;
  readonly #onComplete: ((response: GenerateContentResponse) => void) | undefined;
  #opened: Promise<StreamTransportResponse> | undefined;
  #consumed = false;

  constructor({
    open,
    zodSchema,
    onComplete,
  }: {
    /** Sends the request; called once, on first use. */
    open: () => Promise<StreamTransportResponse>;
    zodSchema?: z.ZodType | undefined;
    /** Called with the aggregated answer before `response` resolves (chats commit history here). */
    onComplete?: ((response: GenerateContentResponse) => void) | undefined;
  }) {
    this.#open = open;
    this.#zodSchema = zodSchema;
    this.#onComplete = onComplete;
    this.response = new LazyPromise({ onDemand: () => this.#drainIfIdle() });
  }

  #start(): Promise<StreamTransportResponse> {
    this.#opened ??= this.#open();
    return this.#opened;
  }

  #drainIfIdle(): void {
    if (this.#consumed) return;
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
    return this.#iterate();
  }

  async *#iterate(): AsyncGenerator<GenerateContentResponse> {
    const accumulator = new StreamAccumulator();
    try {
      const opened = await this.#start();
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
      this.response.reject(error);
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
