import type { Usage } from '@gemgate/core-transport';
import type { WireUsage } from './wire-types.js';

/**
 * Converts the OpenAI route's usage to gemgate's neutral `Usage`.
 *
 * `prompt_tokens` is the input and `completion_tokens` the output: the gateway's own docs
 * swap the two, the wire does not. Whether `completion_tokens` already counts the reasoning
 * tokens differs between upstream versions, so it is read from `total_tokens` rather than
 * assumed: when `total = prompt + completion + reasoning`, reasoning was left out of
 * `completion_tokens` and is added to `outputTokens` (which always includes thinking).
 *
 * @example
 * ```ts
 * convertOpenAIUsage({ usage: { prompt_tokens: 111, completion_tokens: 28, total_tokens: 139 } });
 * // { inputTokens: 111, outputTokens: 28, reasoningTokens: 0, cachedInputTokens: 0, toolUseInputTokens: 0, totalTokens: 139 }
 * ```
 */
export function convertOpenAIUsage({ usage }: { usage: WireUsage }): Usage {
  const input = usage.prompt_tokens ?? 0;
  const completion = usage.completion_tokens ?? 0;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens ?? 0;
  const total = usage.total_tokens ?? input + completion;
  const completionExcludesReasoning = reasoning > 0 && total === input + completion + reasoning;
  return {
    inputTokens: input,
    outputTokens: completionExcludesReasoning ? completion + reasoning : completion,
    reasoningTokens: reasoning,
    cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    toolUseInputTokens: 0,
    totalTokens: total,
  };
}
