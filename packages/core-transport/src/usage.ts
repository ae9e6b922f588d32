/**
 * Token usage in one vocabulary for both protocols.
 *
 * - `inputTokens` is everything the model read, cached tokens included
 *   (native `promptTokenCount`, OpenAI `prompt_tokens`).
 * - `outputTokens` is everything the model wrote, thinking included
 *   (native `candidatesTokenCount + thoughtsTokenCount`, OpenAI `completion_tokens` plus any
 *   thinking the upstream left out of it).
 * - `reasoningTokens` is the thinking share of `outputTokens`.
 * - `cachedInputTokens` is the share of `inputTokens` read from a cache (billed at a discount).
 * - `toolUseInputTokens` is the native `toolUsePromptTokenCount` (tool results the model read).
 * - `totalTokens` is what the upstream reported as the total; it should equal
 *   `inputTokens + outputTokens + toolUseInputTokens`, and `checkUsage` reports when it does not.
 *
 * `convertGeminiUsage` and `convertOpenAIUsage` build it from either wire.
 */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  cachedInputTokens: number;
  toolUseInputTokens: number;
  totalTokens: number;
}

/** A usage with every count at zero. */
export function emptyUsage(): Usage {
  return {
    inputTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    cachedInputTokens: 0,
    toolUseInputTokens: 0,
    totalTokens: 0,
  };
}

/**
 * Adds two usages, e.g. the turns of a tool-call loop.
 *
 * @example
 * ```ts
 * import { addUsage, emptyUsage } from '@gemgate/core-transport';
 * const total = addUsage(emptyUsage(), { ...emptyUsage(), inputTokens: 10, totalTokens: 10 });
 * ```
 */
export function addUsage(left: Usage, right: Usage): Usage {
  return {
    inputTokens: left.inputTokens + right.inputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
    reasoningTokens: left.reasoningTokens + right.reasoningTokens,
    cachedInputTokens: left.cachedInputTokens + right.cachedInputTokens,
    toolUseInputTokens: left.toolUseInputTokens + right.toolUseInputTokens,
    totalTokens: left.totalTokens + right.totalTokens,
  };
}
