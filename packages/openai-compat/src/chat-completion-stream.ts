import {
  type ResponseAccumulator,
  ResponseStream,
  type ResponseStreamOptions,
  type Transport,
} from '@gemgate/core-transport';
import type { z } from 'zod';
import { ChatChunkAccumulator } from './chat-chunk-accumulator.js';
import type { ChatCompletionChunk } from './chat-completion-chunk.js';
import { ChatCompletionResult } from './chat-completion-result.js';
import type { AssistantMessageParam } from './chat-params.js';

/**
 * A streamed chat completion: iterate it for chunks, and/or await `finalCompletion()` for the
 * aggregated completion (same helpers as a non-streamed one, with the final usage). It is
 * core's `ResponseStream`, so `final()`, `tee()`, `ready()` work too.
 *
 * The stream is read once. Awaiting `finalCompletion()` without iterating reads it to the end;
 * never awaiting it is fine (its failure is not an unhandled rejection). Leaving the loop
 * (`break`, or `return()` on its iterator, even before the first chunk), `abort()`, the
 * request's signal and the client's `close()` each close the connection of a stream that is
 * not read to its end.
 *
 * @example
 * ```ts
 * const stream = await client.chat.completions.create({ model, messages, stream: true });
 * for await (const chunk of stream) process.stdout.write(chunk.text);
 * const completion = await stream.finalCompletion();
 * completion.usage?.outputTokens;
 * ```
 */
export class ChatCompletionStream<TParsed = unknown> extends ResponseStream<
  ChatCompletionChunk,
  ChatCompletionResult<TParsed>
> {
  /** @internal Built by `chat.completions.create`. */
  constructor({
    open,
    transport,
    signal,
    responseSchema,
    expectsJson = false,
  }: {
    /** The transport's streamed answer, or the function that sends the request. */
    open: ResponseStreamOptions<ChatCompletionChunk, ChatCompletionResult<TParsed>>['open'];
    /** The client's transport, whose `close()` ends the stream while nobody reads it. */
    transport?: Transport | undefined;
    /** The caller's signal (`options.signal`). */
    signal?: AbortSignal | undefined;
    responseSchema?: z.ZodType | undefined;
    expectsJson?: boolean | undefined;
  }) {
    super({
      open,
      transport,
      signal,
      finalName: 'finalCompletion()',
      accumulate: ({ requestId }) => chatAccumulator<TParsed>({ requestId, responseSchema, expectsJson }),
    });
  }

  /**
   * Stops the stream and closes its connection, whether or not it is being read. A loop over
   * it ends with an `AbortedError`; so does `finalCompletion()`. Without this, a stream that is
   * never read holds its connection until the call's timeout.
   *
   * @example
   * ```ts
   * const stream = await client.chat.completions.create({ model, messages, stream: true });
   * if (userCancelled) stream.abort();
   * ```
   */
  override abort(reason?: unknown): void {
    super.abort(reason);
  }

  /** The whole completion once the stream ends, with the same helpers as a non-streamed call. */
  finalCompletion(): Promise<ChatCompletionResult<TParsed>> {
    return this.final();
  }

  /** Same as `finalCompletion()`, under the `openai` package's name. */
  finalChatCompletion(): Promise<ChatCompletionResult<TParsed>> {
    return this.final();
  }

  /**
   * The assistant message to push into `messages` for the next turn, with Gemini 3's thought
   * signatures kept on its tool calls.
   */
  async finalMessage(): Promise<AssistantMessageParam> {
    return (await this.final()).toAssistantMessage();
  }

  /** The answer's text, once the stream ends. */
  async finalText(): Promise<string> {
    return (await this.final()).text;
  }
}

/** The OpenAI fold: chunks with their text and thoughts split, and the completion they add up to. */
function chatAccumulator<TParsed>({
  requestId,
  responseSchema,
  expectsJson,
}: {
  requestId: string | undefined;
  responseSchema: z.ZodType | undefined;
  expectsJson: boolean;
}): ResponseAccumulator<ChatCompletionChunk, ChatCompletionResult<TParsed>> {
  const accumulator = new ChatChunkAccumulator();
  return {
    add: (event) => accumulator.add(event),
    result: () =>
      new ChatCompletionResult<TParsed>({
        raw: accumulator.completion(),
        requestId,
        responseSchema,
        expectsJson,
      }),
  };
}
