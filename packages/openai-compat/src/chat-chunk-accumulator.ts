import { chatCompletionChunkShape, validateWire } from '@gemgate/core-transport/wire';
import { createToolCallAssembler, mergeExtraContent } from './assemble-tool-calls.js';
import { ChatCompletionChunk } from './chat-completion-chunk.js';
import { createThoughtTagSplitter, type ThoughtTagSplitter } from './split-thought-tags.js';
import type {
  WireAssistantMessage,
  WireChatCompletion,
  WireChatCompletionChunk,
  WireExtraContent,
  WireUsage,
} from './wire-types.js';

interface ChoiceState {
  content: string;
  /** The field the gateway used for thoughts, kept so the aggregate reads like a non-streamed answer. */
  reasoningField: 'reasoning_content' | 'reasoning' | undefined;
  reasoning: string;
  splitter: ThoughtTagSplitter;
  toolCalls: ReturnType<typeof createToolCallAssembler>;
  finishReason: string | null;
  extraContent: WireExtraContent | undefined;
}

/**
 * Folds streamed chunks into one completion, the same shape a non-streamed call returns, and
 * gives each chunk its share of answer text and thoughts.
 *
 * @example
 * ```ts
 * const accumulator = new ChatChunkAccumulator();
 * for await (const event of events) accumulator.add(event);
 * accumulator.completion(); // a WireChatCompletion
 * ```
 */
export class ChatChunkAccumulator {
  #id = '';
  #created = 0;
  #model = '';
  #usage: WireUsage | undefined;
  readonly #choices = new Map<number, ChoiceState>();
  #count = 0;

  /** Adds one decoded event; returns it as a chunk with helpers. */
  add(event: unknown): ChatCompletionChunk {
    const raw = asChunk({ event, position: this.#count });
    this.#count++;
    // From the first chunk that says; some upstreams leave them off the role-only first chunk.
    if (this.#id === '' && typeof raw.id === 'string') this.#id = raw.id;
    if (this.#created === 0 && typeof raw.created === 'number') this.#created = raw.created;
    if (this.#model === '' && typeof raw.model === 'string') this.#model = raw.model;
    if (raw.usage) this.#usage = raw.usage;

    let text = '';
    let reasoning: string | undefined;
    for (const choice of raw.choices) {
      const state = this.#choice(choice.index ?? 0);
      const delta = choice.delta;
      let choiceText = '';
      let choiceReasoning = '';
      if (typeof delta.reasoning_content === 'string' && delta.reasoning_content !== '') {
        state.reasoningField ??= 'reasoning_content';
        choiceReasoning += delta.reasoning_content;
      } else if (typeof delta.reasoning === 'string' && delta.reasoning !== '') {
        state.reasoningField ??= 'reasoning';
        choiceReasoning += delta.reasoning;
      }
      if (typeof delta.content === 'string' && delta.content !== '') {
        state.content += delta.content;
        const split = state.splitter.push(delta.content);
        choiceText = split.text;
        choiceReasoning += split.reasoning;
      }
      if (choice.finish_reason) {
        state.finishReason = choice.finish_reason;
        // The content is over: release what the splitter held back as a possible tag start
        // ("x <"), or the chunks' texts would add up to less than the completion's text.
        const rest = state.splitter.flush();
        choiceText += rest.text;
        choiceReasoning += rest.reasoning;
      }
      state.reasoning += choiceReasoning;
      if (Array.isArray(delta.tool_calls)) {
        for (const call of delta.tool_calls) if (call) state.toolCalls.add(call);
      }
      if (delta.extra_content) {
        state.extraContent = mergeExtraContent({ into: state.extraContent, from: delta.extra_content });
      }
      if ((choice.index ?? 0) === 0) {
        text = choiceText;
        reasoning = choiceReasoning || undefined;
      }
    }
    return new ChatCompletionChunk({ raw, text, reasoning });
  }

  /** The completion assembled from every chunk so far. */
  completion(): WireChatCompletion {
    const indexes = [...this.#choices.keys()].sort((left, right) => left - right);
    return {
      id: this.#id,
      object: 'chat.completion',
      created: this.#created,
      model: this.#model,
      choices: indexes.map((index) => {
        const state = this.#choices.get(index)!;
        const message: WireAssistantMessage = { role: 'assistant', content: state.content || null };
        // Thoughts that came in a field go back in the same field; tag-borne ones stay in content.
        if (state.reasoningField) message[state.reasoningField] = state.reasoning;
        const toolCalls = state.toolCalls.toolCalls();
        if (toolCalls.length > 0) message.tool_calls = toolCalls;
        if (state.extraContent) message.extra_content = state.extraContent;
        return { index, message, finish_reason: state.finishReason };
      }),
      ...(this.#usage ? { usage: this.#usage } : {}),
    };
  }

  #choice(index: number): ChoiceState {
    let state = this.#choices.get(index);
    if (state === undefined) {
      state = {
        content: '',
        reasoningField: undefined,
        reasoning: '',
        splitter: createThoughtTagSplitter(),
        toolCalls: createToolCallAssembler(),
        finishReason: null,
        extraContent: undefined,
      };
      this.#choices.set(index, state);
    }
    return state;
  }
}

/**
 * One decoded event checked against the chunk's lenient shape (the common chunk by a cheap
 * structural test, anything else by zod), so a malformed event is a `ResponseValidationError`
 * naming its path (`events.3.choices.0.delta.content`) instead of a `TypeError` further on.
 */
function asChunk({ event, position }: { event: unknown; position: number }): WireChatCompletionChunk {
  return validateWire({
    shape: chatCompletionChunkShape,
    body: event,
    what: `stream event ${position} (a chat.completion.chunk)`,
    at: `events.${position}`,
  });
}
