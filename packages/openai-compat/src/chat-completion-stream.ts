import { AbortedError, InvalidArgumentError } from '@gemgate/core-transport';
import type { z } from 'zod';
import { ChatChunkAccumulator } from './chat-chunk-accumulator.js';
import type { ChatCompletionChunk } from './chat-completion-chunk.js';
import { ChatCompletionResult } from './chat-completion-result.js';
import type { AssistantMessageParam } from './chat-params.js';
import { EndUnreadIterator } from './end-unread-iterator.js';
import type { EndUnread, UnreadStreams } from './unread-streams.js';

/**
 * A streamed chat completion: iterate it for chunks, and/or await `finalCompletion()` for the
 * aggregated completion (same helpers as a non-streamed one, with the final usage).
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
export class ChatCompletionStream<TParsed = unknown> implements AsyncIterable<ChatCompletionChunk> {
  /** The gateway's request id (`x-request-id`). */
  readonly requestId: string | undefined;
  /** Aborting it closes the connection, as `abort()` does (the `openai` package's name). */
  readonly controller: AbortController;
  readonly #events: AsyncIterable<unknown>;
  readonly #accumulator = new ChatChunkAccumulator();
  readonly #responseSchema: z.ZodType | undefined;
  readonly #expectsJson: boolean;
  readonly #final: Promise<ChatCompletionResult<TParsed>>;
  #resolve!: (value: ChatCompletionResult<TParsed>) => void;
  #reject!: (reason: unknown) => void;
  readonly #onSettled: (() => void) | undefined;
  readonly #unreadStreams: UnreadStreams | undefined;
  readonly #unreadEntry: WeakRef<EndUnread> | undefined;
  #started = false;
  #settled = false;

  constructor({
    events,
    requestId,
    responseSchema,
    expectsJson = false,
    controller = new AbortController(),
    onSettled,
    unreadStreams,
  }: {
    events: AsyncIterable<unknown>;
    requestId?: string | undefined;
    responseSchema?: z.ZodType | undefined;
    expectsJson?: boolean;
    /** The controller whose signal the request was sent with. */
    controller?: AbortController | undefined;
    /** Called once the stream has ended, failed or been left (to release listeners). */
    onSettled?: (() => void) | undefined;
    /**
     * The client's streams that nobody reads yet: this one stays in it until it is read or
     * settled, and its entry ends it unread (the client's `close()` calls it).
     *
     * @internal
     */
    unreadStreams?: UnreadStreams | undefined;
  }) {
    this.#events = events;
    this.controller = controller;
    this.#onSettled = onSettled;
    this.#unreadStreams = unreadStreams;
    this.#unreadEntry = unreadStreams?.add(this.#endUnread);
    // `stream.controller.abort()` and the caller's signal reach the transport, which stops the
    // request; a stream nobody reads must also let go of its events, and settle.
    controller.signal.addEventListener('abort', this.#onAbort, { once: true });
    this.requestId = requestId;
    this.#responseSchema = responseSchema;
    this.#expectsJson = expectsJson;
    this.#final = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // A caller who only iterates never awaits the aggregate; its rejection must not crash the process.
    this.#final.catch(() => {});
  }

  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    // A generator ended before its first `next()` skips its `finally`: the wrapper releases
    // the connection then (`return()` from a loop left at once, or from a caller's own code).
    return new EndUnreadIterator({
      generator: this.#chunks(),
      onEndUnread: (reason) =>
        this.#endUnread(
          reason?.error ??
            new AbortedError('The stream was closed before it was read, so there is no final completion.'),
        ),
    });
  }

  async *#chunks(): AsyncGenerator<ChatCompletionChunk, void, undefined> {
    if (this.#started) {
      throw new InvalidArgumentError(
        'This stream was already read: iterate it once, and use finalCompletion() for the whole answer.',
      );
    }
    this.#started = true;
    if (this.#unreadEntry) this.#unreadStreams?.delete(this.#unreadEntry);
    try {
      for await (const event of this.#events) yield this.#accumulator.add(event);
      this.#settle({
        value: new ChatCompletionResult<TParsed>({
          raw: this.#accumulator.completion(),
          requestId: this.requestId,
          responseSchema: this.#responseSchema,
          expectsJson: this.#expectsJson,
        }),
      });
    } catch (error) {
      this.#settle({ error });
      throw error;
    } finally {
      // Still unsettled here only when the caller left the loop early (break): the aggregate
      // cannot complete. Checked first, because building an error (its stack) is not free.
      if (!this.#settled) {
        this.#settle({
          error: new AbortedError('The stream was closed before its end, so there is no final completion.'),
        });
      }
    }
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
  abort(): void {
    // Its listener ends a stream nobody reads (`#onAbort`).
    this.controller.abort();
  }

  /** The whole completion once the stream ends, with the same helpers as a non-streamed call. */
  finalCompletion(): Promise<ChatCompletionResult<TParsed>> {
    if (!this.#started && !this.#settled) void this.#drain();
    return this.#final;
  }

  /** Same as `finalCompletion()`, under the `openai` package's name. */
  finalChatCompletion(): Promise<ChatCompletionResult<TParsed>> {
    return this.finalCompletion();
  }

  /**
   * The assistant message to push into `messages` for the next turn, with Gemini 3's thought
   * signatures kept on its tool calls.
   */
  async finalMessage(): Promise<AssistantMessageParam> {
    return (await this.finalCompletion()).toAssistantMessage();
  }

  /** The answer's text, once the stream ends. */
  async finalText(): Promise<string> {
    return (await this.finalCompletion()).text;
  }

  async #drain(): Promise<void> {
    try {
      for await (const _chunk of this) {
        // Reading to the end is what settles the aggregate.
      }
    } catch {
      // Already delivered through finalCompletion().
    }
  }

  readonly #onAbort = (): void => {
    // Nobody is reading, so nothing else would settle the aggregate or free the connection.
    this.#endUnread(new AbortedError('The stream was aborted before it was read.')).catch(ignore);
  };

  /**
   * Ends a stream nobody has started reading: its aggregate rejects with `reason`, and the
   * transport's events are closed, which frees the socket at once (the events of an answer
   * that was never read cannot be left otherwise but by the total timeout).
   */
  readonly #endUnread: EndUnread = async (reason) => {
    if (this.#started) return;
    this.#started = true;
    if (this.#unreadEntry) this.#unreadStreams?.delete(this.#unreadEntry);
    this.#settle({ error: reason });
    await this.#events[Symbol.asyncIterator]().return?.();
  };

  #settle(outcome: { value: ChatCompletionResult<TParsed> } | { error: unknown }): void {
    if (this.#settled) return;
    this.#settled = true;
    if (this.#unreadEntry) this.#unreadStreams?.delete(this.#unreadEntry);
    this.#onSettled?.();
    if ('value' in outcome) this.#resolve(outcome.value);
    else this.#reject(outcome.error);
  }
}

/** A failure to close events nobody reads concerns no one: the request is aborted anyway. */
const ignore = (): void => {};
