import type { Usage } from './usage.js';

/**
 * The counts of an OpenAI-route `usage` that `convertOpenAIUsage` reads. Structural, so the
 * openai client's wire type (and any richer shape with more fields) fits as it is.
 */
export interface OpenAIWireUsage {
  /** Everything the model read, cached tokens included. */
  prompt_tokens?: number | null | undefined;
  /** What the model wrote; whether thinking is counted here differs between upstreams. */
  completion_tokens?: number | null | undefined;
  total_tokens?: number | null | undefined;
  prompt_tokens_details?: { cached_tokens?: number | null | undefined } | null | undefined;
  completion_tokens_details?: { reasoning_tokens?: number | null | undefined } | null | undefined;
}

/**
 * Converts the OpenAI route's `usage` to the neutral `Usage`, where `outputTokens` always
 * includes thinking.
 *
 * `prompt_tokens` is the input and `completion_tokens` the output (the gateway's docs swap
 * the two, the wire does not). Upstreams disagree on where thinking is counted, so it is read
 * from `total_tokens` rather than assumed:
 * - `total = prompt + completion`: `completion_tokens` already includes any `reasoning_tokens`.
 * - `total = prompt + completion + reasoning_tokens` (xAI style): reasoning was left out of
 *   `completion_tokens` and is added to the output.
 * - `total > prompt + completion` with no `reasoning_tokens` at all (Google's own OpenAI
 *   endpoint: `35 / 12 / 109`): the missing tokens are thinking, so they become both
 *   `reasoningTokens` and part of `outputTokens`.
 *
 * A total that none of these explain is kept as sent, never papered over: `checkUsage` reports
 * it. A missing `usage` gives zeros. The parameter is named after the wire field, so a whole
 * completion or chunk can be passed as it is.
 *
 * @example
 * ```ts
 * import { convertOpenAIUsage } from '@gemgate/core-transport';
 * convertOpenAIUsage({ usage: { prompt_tokens: 35, completion_tokens: 12, total_tokens: 109 } });
 * // { inputTokens: 35, outputTokens: 74, reasoningTokens: 62, cachedInputTokens: 0, toolUseInputTokens: 0, totalTokens: 109 }
 * ```
 */
export function convertOpenAIUsage({ usage }: { usage: OpenAIWireUsage | null | undefined }): Usage {
  const input = usage?.prompt_tokens ?? 0;
  const completion = usage?.completion_tokens ?? 0;
  const reportedReasoning = usage?.completion_tokens_details?.reasoning_tokens;
  const reasoning = reportedReasoning ?? 0;
  const total = usage?.total_tokens ?? input + completion;
  const uncounted = total - input - completion;
  // Thinking the upstream counted in the total only: with no reasoning figure to go by, the
  // gap is the only place the thinking shows up.
  const thinkingOnlyInTotal = reportedReasoning === undefined || reportedReasoning === null;
  const hiddenReasoning = thinkingOnlyInTotal && uncounted > 0 ? uncounted : 0;
  const completionExcludesReasoning = reasoning > 0 && uncounted >= reasoning;
  return {
    inputTokens: input,
    outputTokens: completion + hiddenReasoning + (completionExcludesReasoning ? reasoning : 0),
    reasoningTokens: reasoning + hiddenReasoning,
    cachedInputTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
    toolUseInputTokens: 0,
    totalTokens: total,
  };
}
