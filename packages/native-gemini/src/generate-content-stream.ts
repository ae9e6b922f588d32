import {
  type OpenOptions,
  type ResponseAccumulator,
  ResponseStream,
  type StreamTransportResponse,
  type Transport,
} from '@gemgate/core-transport';
import type { z } from 'zod';
import { GenerateContentResponse } from './generate-content-response.js';
import type { SdkHttpResponse } from './native-context.js';
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
 * It is core's `ResponseStream`, so `final()`, `abort()`, `tee()` and `requestId` work too.
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
export class GenerateContentStream
  extends ResponseStream<GenerateContentResponse, GenerateContentResponse>
  implements GenerateContentStreamView
{
  /** @internal Built by `models.generateContentStream` and `chat.sendMessageStream`. */
  constructor({
    open,
    zodSchema,
    onComplete,
    onSettled,
    transport,
    signal,
  }: {
    /** Sends the request; called once, on first use. */
    open: (options: OpenOptions) => Promise<StreamTransportResponse>;
    zodSchema?: z.ZodType | undefined;
    /** Called with the aggregated answer before `response` resolves (chats commit history here). */
    onComplete?: ((response: GenerateContentResponse) => void) | undefined;
    /** Called once `response` has settled, either way (a chat's next turn waits for it). */
    onSettled?: (() => void) | undefined;
    /** The client's transport, whose `close()` ends the stream while nobody reads it. */
    transport: Transport;
    /** The caller's `config.abortSignal`. */
    signal?: AbortSignal | undefined;
  }) {
    super({
      open,
      transport,
      signal,
      onSettled,
      finalName: 'stream.response',
      // The second reader of a `tee()` must not commit a chat's history a second time.
      accumulate: ({ requestId, headers, primary }) =>
        nativeAccumulator({
          requestId,
          sdkHttpResponse: { headers },
          zodSchema,
          onComplete: primary ? onComplete : undefined,
        }),
    });
  }

  /**
   * The aggregated answer: parts merged in order, last usage snapshot, last finish reason. A
   * plain promise (the same as `final()`); asking for it reads the stream if nobody iterates it.
   */
  get response(): Promise<GenerateContentResponse> {
    return this.final();
  }

  /** Waits for the answer's headers and gives a plain (non-thenable) view of the stream. */
  // biome-ignore lint/suspicious/noThenProperty: awaiting the stream mirrors @google/genai, which returns Promise<AsyncGenerator>.
  then<TResult1 = GenerateContentStreamView, TResult2 = never>(
    onFulfilled?: ((value: GenerateContentStreamView) => TResult1 | PromiseLike<TResult1>) | null,
    onRejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    const stream = this;
    const view: GenerateContentStreamView = {
      get response() {
        return stream.final();
      },
      [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator](),
    };
    return this.ready()
      .then(() => view)
      .then(onFulfilled, onRejected);
  }
}

/** The native fold: each event checked and wrapped as a response, the parts merged for the whole answer. */
function nativeAccumulator({
  requestId,
  sdkHttpResponse,
  zodSchema,
  onComplete,
}: {
  requestId: string | undefined;
  sdkHttpResponse: SdkHttpResponse;
  zodSchema: z.ZodType | undefined;
  onComplete: ((response: GenerateContentResponse) => void) | undefined;
}): ResponseAccumulator<GenerateContentResponse, GenerateContentResponse> {
  const accumulator = new StreamAccumulator();
  return {
    add(event) {
      const body = validateResponse<GenerateContentResponseBody>({
        schema: generateContentResponseSchema,
        body: event,
        what: 'streamGenerateContent chunk',
        requestId,
      });
      accumulator.add(body);
      return new GenerateContentResponse({ raw: body, requestId, sdkHttpResponse, zodSchema });
    },
    result() {
      const final = new GenerateContentResponse({
        raw: accumulator.result(),
        requestId,
        sdkHttpResponse,
        zodSchema,
      });
      onComplete?.(final);
      return final;
    },
  };
}
