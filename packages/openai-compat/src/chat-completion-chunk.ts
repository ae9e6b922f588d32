import type { Usage } from '@gemgate/core-transport';
import { convertOpenAIUsage } from './convert-openai-usage.js';
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
    this.id = raw.id;
    this.object = raw.object;
    this.created = raw.created;
    this.model = raw.model;
    this.choices = raw.choices;
    this.text = text;
    this.reasoning = reasoning;
  }

  /** Why the model stopped, on the chunk that says so. */
  get finishReason(): string | undefined {
    return this.choices[0]?.finish_reason ?? undefined;
  }

  /** Usage in gemgate's neutral vocabulary; only the last chunk carries it. */
  get usage(): Usage | undefined {
    return this.raw.usage ? convertOpenAIUsage({ usage: this.raw.usage }) : undefined;
  }

  toJSON(): WireChatCompletionChunk {
    return this.raw;
  }
}
