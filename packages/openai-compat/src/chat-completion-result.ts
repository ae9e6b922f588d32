import type { z } from 'zod';
import type { AssistantMessageParam } from './chat-params.js';
import { contentText } from './content-text.js';
import { type OpenAIUsage, toOpenAIUsage } from './openai-usage.js';
import { parseJsonContent } from './parse-json-content.js';
import { parseToolCalls, type ToolCall } from './parse-tool-calls.js';
import { splitThoughtTags, type ThoughtSplit } from './split-thought-tags.js';
import type { WireChatCompletion, WireChoice } from './wire-types.js';

/**
 * A chat completion: the `openai` shape (`id`, `model`, `choices`, ...) as the gateway sent it,
 * plus helpers that read the first choice the way Gemini behind the gateway means it. Helpers
 * are computed on first read.
 *
 * `usage` has the wire's `prompt_tokens`, ... as sent and gemgate's neutral `inputTokens`, ... beside them.
 *
 * @example
 * ```ts
 * const completion = await client.chat.completions.create({ model: 'gemini-2.5-flash', messages, tools });
 * for (const call of completion.toolCalls) console.log(call.name, call.arguments);
 * messages.push(completion.toAssistantMessage());
 * ```
 */
export class ChatCompletionResult<TParsed = unknown> {
  readonly id: string;
  readonly object: 'chat.completion';
  readonly created: number;
  readonly model: string;
  /** The choices as sent (content may still hold `<thought>` tags; `text` never does). */
  readonly choices: WireChoice[];
  /** The response body exactly as it arrived. */
  readonly raw: WireChatCompletion;
  /** The gateway's request id (`x-request-id`), for support tickets. */
  readonly requestId: string | undefined;
  readonly #responseSchema: z.ZodType | undefined;
  readonly #expectsJson: boolean;
  #split: ThoughtSplit | undefined;
  #toolCalls: ToolCall[] | undefined;
  #parsed: { value: unknown } | undefined;
  #usage: { value: OpenAIUsage | undefined } | undefined;

  constructor({
    raw,
    requestId,
    responseSchema,
    expectsJson = responseSchema !== undefined,
  }: {
    raw: WireChatCompletion;
    requestId?: string | undefined;
    responseSchema?: z.ZodType | undefined;
    expectsJson?: boolean;
  }) {
    this.raw = raw;
    this.id = raw.id ?? '';
    // The `openai` shape's constant; `raw.object` keeps what the gateway sent.
    this.object = 'chat.completion';
    this.created = raw.created ?? 0;
    this.model = raw.model ?? '';
    this.choices = raw.choices;
    this.requestId = requestId;
    this.#responseSchema = responseSchema;
    this.#expectsJson = expectsJson;
  }

  #message() {
    return this.choices[0]?.message;
  }

  #thoughtSplit(): ThoughtSplit {
    this.#split ??= splitThoughtTags({ content: contentText({ content: this.#message()?.content }) });
    return this.#split;
  }

  /** The answer's text, without thoughts; `''` when the model only called tools. */
  get text(): string {
    return this.#thoughtSplit().text;
  }

  /**
   * The model's thoughts, whichever way the gateway sent them (`reasoning_content`,
   * `reasoning`, or `<thought>` tags in the content); `undefined` when there were none.
   */
  get reasoning(): string | undefined {
    const message = this.#message();
    const fromField = message?.reasoning_content ?? message?.reasoning;
    if (fromField) return fromField;
    return this.#thoughtSplit().reasoning || undefined;
  }

  /** The tool calls with parsed arguments. Throws `ResponseValidationError` if arguments are not JSON. */
  get toolCalls(): ToolCall[] {
    this.#toolCalls ??= parseToolCalls({ toolCalls: this.#message()?.tool_calls });
    return this.#toolCalls;
  }

  /** Why the model stopped (`stop`, `tool_calls`, `length`, `content_filter`, ... an open set). */
  get finishReason(): string | undefined {
    return this.choices[0]?.finish_reason ?? undefined;
  }

  /**
   * The JSON answer of a `response_format` json_schema / json_object call, validated against
   * the zod schema when one was given; `undefined` for a text call. Throws
   * `ResponseValidationError` on a mismatch.
   */
  get parsed(): TParsed | undefined {
    if (!this.#expectsJson) return undefined;
    this.#parsed ??= { value: parseJsonContent({ content: this.text, schema: this.#responseSchema }) };
    return this.#parsed.value as TParsed;
  }

  /**
   * Token usage: the wire's `prompt_tokens`, `completion_tokens`, `total_tokens` and details as
   * sent, plus the neutral `inputTokens`, `outputTokens` (thinking always included), ...;
   * `undefined` when the answer carries no usage.
   */
  get usage(): OpenAIUsage | undefined {
    this.#usage ??= { value: toOpenAIUsage({ usage: this.raw.usage }) };
    return this.#usage.value;
  }

  /**
   * The assistant message to push into `messages` for the next turn. It keeps each tool
   * call's `extra_content` (Gemini 3's thought signature): without it the next turn is a 400.
   *
   * @example
   * ```ts
   * messages.push(completion.toAssistantMessage());
   * messages.push({ role: 'tool', tool_call_id: completion.toolCalls[0]!.id, content: '{"ok":true}' });
   * ```
   */
  toAssistantMessage(): AssistantMessageParam {
    const message = this.#message();
    const assistant: AssistantMessageParam = { role: 'assistant', content: this.text || null };
    if (message?.tool_calls?.length) {
      // Arguments go back as the JSON string the gateway expects, even when it sent an object;
      // they are not parsed here, so a call with broken JSON can still be answered in history.
      assistant.tool_calls = message.tool_calls.map((call) => {
        const wireArguments: unknown = call.function?.arguments;
        return {
          id: call.id,
          type: 'function',
          function: {
            name: call.function?.name ?? '',
            arguments:
              typeof wireArguments === 'string'
                ? wireArguments
                : wireArguments == null
                  ? ''
                  : JSON.stringify(wireArguments),
          },
          ...(call.extra_content ? { extra_content: call.extra_content } : {}),
        };
      });
    }
    if (message?.extra_content) assistant.extra_content = message.extra_content;
    return assistant;
  }

  /** The wire body, so `JSON.stringify(result)` gives what the gateway sent. */
  toJSON(): WireChatCompletion {
    return this.raw;
  }
}
