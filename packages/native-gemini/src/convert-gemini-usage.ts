import type { Usage } from '@gemgate/core-transport';
import type { TokenCount, UsageMetadata } from './wire-types.js';

/** An int64 count as a number; absent or unreadable counts are 0. */
export function tokenCountToNumber(count: TokenCount | undefined): number {
  if (count === undefined) return 0;
  const value = typeof count === 'number' ? count : Number(count);
  return Number.isFinite(value) ? value : 0;
}

/**
 * Converts native `usageMetadata` to the neutral `Usage`.
 *
 * The native counts overlap in ways that are easy to get wrong: `promptTokenCount` already
 * includes `cachedContentTokenCount`, and `candidatesTokenCount` excludes
 * `thoughtsTokenCount`. So input is the prompt count as is (cached share kept apart), and
 * output is candidates + thoughts (thinking share kept apart). The total is the upstream's
 * own `totalTokenCount` (= prompt + candidates + toolUsePrompt + thoughts), recomputed
 * only when it is missing.
 *
 * @example
 * ```ts
 * import { convertGeminiUsage } from '@gemgate/native-gemini';
 * convertGeminiUsage({ promptTokenCount: 100, cachedContentTokenCount: 60, candidatesTokenCount: 20, thoughtsTokenCount: 30, totalTokenCount: 150 });
 * // { inputTokens: 100, cachedInputTokens: 60, outputTokens: 50, reasoningTokens: 30, toolUseInputTokens: 0, totalTokens: 150 }
 * ```
 */
export function convertGeminiUsage(metadata: UsageMetadata | undefined): Usage {
  const input = tokenCountToNumber(metadata?.promptTokenCount);
  const candidates = tokenCountToNumber(metadata?.candidatesTokenCount);
  const thoughts = tokenCountToNumber(metadata?.thoughtsTokenCount);
  const toolUse = tokenCountToNumber(metadata?.toolUsePromptTokenCount);
  return {
    inputTokens: input,
    outputTokens: candidates + thoughts,
    reasoningTokens: thoughts,
    cachedInputTokens: tokenCountToNumber(metadata?.cachedContentTokenCount),
    toolUseInputTokens: toolUse,
    totalTokens:
      metadata?.totalTokenCount === undefined
        ? input + candidates + toolUse + thoughts
        : tokenCountToNumber(metadata.totalTokenCount),
  };
}
