import { type OpenAIUsage, toOpenAIUsage } from './openai-usage.js';
import type { WireChatCompletionChunk, WireChunkChoice } from './wire-types.js';

/**
 * One streamed chunk: the `openai` shape as sent, plus what it adds to the first choice,
 * already separated into answer text and thoughts.
 *
 * @example
 * ```ts
 * for await (const chunk of stream) {
 *   if (chunk.reasoning) process.stderr.write(chunk.reasoning);
 *   process.stdout.write(chunk.text);
 * }
 * ```
 */
export class ChatCompletionChunk {
  readonly id: string;
  readonly object: 'chat.completion.chunk';
  readonly created: number;
  readonly model: string;
  readonly choices: WireChunkChoice[];
  /** The chunk exactly as it arrived. */
  readonly raw: WireChatCompletionChunk;
  /** The answer text this chunk adds (thought tags removed); `''` when none. */
  readonly text: string;
  /** The thoughts this chunk adds, from whichever field or tag carried them; `undefined` when none. */
  readonly reasoning: string | undefined;

  constructor({
    raw,
    text,
    reasoning,
  }: { raw: WireChatCompletionChunk; text: string; reasoning: string | undefined }) {
    this.raw = raw;
    // Some upstreams leave these off the role-only first chunk; `raw` keeps what was sent.
    this.id = raw.id ?? '';
    this.object = 'chat.completion.chunk';
    this.created = raw.created ?? 0;
    this.model = raw.model ?? '';
    this.choices = raw.choices;
    this.text = text;
    this.reasoning = reasoning;
  }

  /** Why the model stopped, on the chunk that says so. */
  get finishReason(): string | undefined {
    return this.choices[0]?.finish_reason ?? undefined;
  }

  /**
   * Token usage, the wire's fields as sent plus the neutral ones; only the last chunk carries
   * it, every other chunk (and every chunk under `include_usage: false`) gives `undefined`.
   */
  get usage(): OpenAIUsage | undefined {
    return toOpenAIUsage({ usage: this.raw.usage });
  }

  toJSON(): WireChatCompletionChunk {
    return this.raw;
  }
}
