import { checkCallParameters } from './check-call-parameters.js';
import type { GenerateContentConfig } from './generate-content-config.js';
import type { GenerateContentResponse } from './generate-content-response.js';
import type { GenerateContentStream } from './generate-content-stream.js';
import { type Models, streamGenerateContent } from './models.js';
import type { NativeContext } from './native-context.js';
import { type ContentListInput, normalizeContents } from './normalize-contents.js';
import type { Content } from './wire-types.js';

/** What a chat message may be: text, a part (a function response, say) or a list of parts. */
export type ChatMessage = string | ContentListInput;

/** The model's turn to commit, or `undefined` when the answer has nothing to keep (a block). */
function modelTurnOf(response: GenerateContentResponse): Content | undefined {
  const content = response.candidates?.[0]?.content;
  if (!content?.parts || content.parts.length === 0) return undefined;
  // Kept exactly as received, thought signatures in place (even on empty text parts):
  // Gemini 3 refuses the next turn otherwise. Only a missing role is filled in.
  return content.role === undefined ? { role: 'model', ...content } : content;
}

/**
 * A multi-turn conversation that keeps its history. A turn (the message and the model's
 * answer) is committed only once the answer arrived whole; a failed or blocked turn leaves
 * the history as it was, so the message can be sent again. Messages are sent one after the
 * other: the next waits until a streamed answer is read to its end (or the loop breaks); a
 * stream nobody has started reading when the next message leaves is read in the background.
 *
 * @example
 * ```ts
 * import { createGemini } from '@gemgate/native-gemini';
 * const gemini = createGemini({ apiKey: 'sk-...' });
 * const chat = gemini.chats.create({ model: 'gemini-2.5-flash' });
 * await chat.sendMessage({ message: 'My name is Ada.' });
 * const answer = await chat.sendMessage({ message: 'What is my name?' });
 * ```
 */
export class Chat {
  readonly model: string;
  readonly #models: Models;
  readonly #context: NativeContext;
  readonly #config: GenerateContentConfig | undefined;
  readonly #history: Content[];
  /** Settles when the last turn sent is over, whichever way it ended. */
  #queue: Promise<unknown> = Promise.resolve();
  /** The last turn, when it was streamed: the next turn may have to read it (see #previousTurn). */
  #lastStream: GenerateContentStream | undefined;

  /** @internal Built by `chats.create`. */
  constructor({
    models,
    context,
    model,
    config,
    history = [],
  }: {
    models: Models;
    context: NativeContext;
    model: string;
    config?: GenerateContentConfig | undefined;
    history?: Content[] | undefined;
  }) {
    this.#models = models;
    this.#context = context;
    this.model = model;
    this.#config = config;
    this.#history = [...history];
  }

  /** The committed turns, oldest first (a copy of the list; the contents are the ones sent and received). */
  getHistory(): Content[] {
    return [...this.#history];
  }

  #configFor(config: GenerateContentConfig | undefined): GenerateContentConfig | undefined {
    return config ? { ...this.#config, ...config } : this.#config;
  }

  /**
   * What the next turn waits for, to be called when that turn is about to leave. A streamed
   * turn is over only once its stream is read, so a stream nobody started reading would hold
   * every later turn forever: asking for its `response` reads it to its end in the background
   * (its turn is committed; `stream.response` still gives the answer).
   */
  #previousTurn(): () => Promise<unknown> {
    const queue = this.#queue;
    const stream = this.#lastStream;
    return () => {
      stream?.response.then(undefined, () => {});
      return queue;
    };
  }

  #commit(userTurn: Content[], response: GenerateContentResponse): void {
    const modelTurn = modelTurnOf(response);
    if (modelTurn) this.#history.push(...userTurn, modelTurn);
  }

  /**
   * Sends a message and waits for the whole answer.
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const chat = createGemini({ apiKey: 'sk-...' }).chats.create({ model: 'gemini-2.5-flash' });
   * const response = await chat.sendMessage({ message: 'Hello' });
   * console.log(response.text);
   * ```
   */
  async sendMessage(parameters: {
    message: ChatMessage;
    config?: GenerateContentConfig | undefined;
  }): Promise<GenerateContentResponse> {
    checkCallParameters({ parameters, method: 'sendMessage', shape: '{ message, config? }' });
    const { message, config } = parameters;
    const userTurn = normalizeContents({ contents: message, argument: 'message' });
    // One microtask later, so a stream the caller iterates right after this call (in the same
    // synchronous run) is still read by the caller rather than in the background.
    const turn = Promise.resolve()
      .then(this.#previousTurn())
      .then(async () => {
        const response = await this.#models.generateContent({
          model: this.model,
          contents: [...this.#history, ...userTurn],
          config: this.#configFor(config),
        });
        this.#commit(userTurn, response);
        return response;
      });
    this.#queue = turn.catch(() => {});
    this.#lastStream = undefined;
    return turn;
  }

  /**
   * Sends a message and streams the answer; the turn is committed when the stream completes.
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const chat = createGemini({ apiKey: 'sk-...' }).chats.create({ model: 'gemini-2.5-flash' });
   * for await (const chunk of chat.sendMessageStream({ message: 'Tell me a story' })) process.stdout.write(chunk.text);
   * ```
   */
  sendMessageStream(parameters: {
    message: ChatMessage;
    config?: GenerateContentConfig | undefined;
  }): GenerateContentStream {
    checkCallParameters({ parameters, method: 'sendMessageStream', shape: '{ message, config? }' });
    const { message, config } = parameters;
    const userTurn = normalizeContents({ contents: message, argument: 'message' });
    let settled!: () => void;
    const over = new Promise<void>((resolve) => {
      settled = resolve;
    });
    const stream = streamGenerateContent({
      context: this.#context,
      parameters: { model: this.model, contents: userTurn, config: this.#configFor(config) },
      turn: {
        waitFor: this.#previousTurn(),
        contentsAtSend: () => [...this.#history, ...userTurn],
        onComplete: (response) => this.#commit(userTurn, response),
        onSettled: settled,
      },
    });
    // The next message waits until this stream ends, whichever way it ends.
    this.#queue = over;
    this.#lastStream = stream;
    return stream;
  }
}

/** `chats.*`: multi-turn conversations. */
export class Chats {
  readonly #models: Models;
  readonly #context: NativeContext;

  /** @internal Built by `createGemini`. */
  constructor({ models, context }: { models: Models; context: NativeContext }) {
    this.#models = models;
    this.#context = context;
  }

  /**
   * Starts a conversation, optionally from an earlier history.
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const gemini = createGemini({ apiKey: 'sk-...' });
   * const chat = gemini.chats.create({ model: 'gemini-2.5-flash', config: { temperature: 0.2 } });
   * ```
   */
  create({
    model,
    config,
    history,
  }: {
    model: string;
    config?: GenerateContentConfig | undefined;
    history?: Content[] | undefined;
  }): Chat {
    return new Chat({ models: this.#models, context: this.#context, model, config, history });
  }
}
