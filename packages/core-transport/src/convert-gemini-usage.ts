import type { Usage } from './usage.js';

/** An int64 count of the native API: JSON numbers, or decimal strings as proto3 JSON allows. */
export type TokenCount = number | string;

/**
 * The counts of a native `usageMetadata` that `convertGeminiUsage` reads. Structural, so the
 * native client's wire type (and any richer shape with more fields) fits as it is.
 */
export interface GeminiUsageMetadata {
  /** Everything the model read, cached tokens included. */
  promptTokenCount?: TokenCount | null | undefined;
  /** What the model wrote as its answer, thoughts excluded. */
  candidatesTokenCount?: TokenCount | null | undefined;
  /** What the model spent thinking. */
  thoughtsTokenCount?: TokenCount | null | undefined;
  /** The share of `promptTokenCount` read from a cache. */
  cachedContentTokenCount?: TokenCount | null | undefined;
  /** Tool results the model read (not part of `promptTokenCount`). */
  toolUsePromptTokenCount?: TokenCount | null | undefined;
  /** prompt + candidates + toolUsePrompt + thoughts. */
  totalTokenCount?: TokenCount | null | undefined;
}

/**
 * Reads an int64 count of the native API as a number; an absent or unreadable count is 0.
 *
 * @example
 * ```ts
 * import { tokenCountToNumber } from '@gemgate/core-transport';
 * tokenCountToNumber({ count: '1536' }); // 1536
 * ```
 */
export function tokenCountToNumber({ count }: { count: TokenCount | null | undefined }): number {
  if (count === undefined || count === null) return 0;
  const value = typeof count === 'number' ? count : Number(count);
  return Number.isFinite(value) ? value : 0;
}

/**
 * Converts a native `usageMetadata` to the neutral `Usage`.
 *
 * The native counts overlap in ways that are easy to get wrong: `promptTokenCount` already
 * includes `cachedContentTokenCount`, and `candidatesTokenCount` excludes
 * `thoughtsTokenCount`. So input is the prompt count as is (cached share kept apart), and
 * output is candidates + thoughts (thinking share kept apart). The total is the upstream's own
 * `totalTokenCount`, recomputed as prompt + candidates + toolUsePrompt + thoughts only when it
 * is missing; a reported total that disagrees is kept as sent, for `checkUsage` to report. A
 * missing `usageMetadata` gives zeros. The parameter is named after the wire field, so a whole
 * native answer can be passed as it is.
 *
 * @example
 * ```ts
 * import { convertGeminiUsage } from '@gemgate/core-transport';
 * convertGeminiUsage({
 *   usageMetadata: { promptTokenCount: 100, cachedContentTokenCount: 60, candidatesTokenCount: 20, thoughtsTokenCount: 30, totalTokenCount: 150 },
 * });
 * // { inputTokens: 100, cachedInputTokens: 60, outputTokens: 50, reasoningTokens: 30, toolUseInputTokens: 0, totalTokens: 150 }
 * ```
 */
export function convertGeminiUsage({
  usageMetadata,
}: {
  usageMetadata: GeminiUsageMetadata | null | undefined;
}): Usage {
  const input = tokenCountToNumber({ count: usageMetadata?.promptTokenCount });
  const candidates = tokenCountToNumber({ count: usageMetadata?.candidatesTokenCount });
  const thoughts = tokenCountToNumber({ count: usageMetadata?.thoughtsTokenCount });
  const toolUse = tokenCountToNumber({ count: usageMetadata?.toolUsePromptTokenCount });
  const reportedTotal = usageMetadata?.totalTokenCount;
  return {
    inputTokens: input,
    outputTokens: candidates + thoughts,
    reasoningTokens: thoughts,
    cachedInputTokens: tokenCountToNumber({ count: usageMetadata?.cachedContentTokenCount }),
    toolUseInputTokens: toolUse,
    totalTokens:
      reportedTotal === undefined || reportedTotal === null
        ? input + candidates + toolUse + thoughts
        : tokenCountToNumber({ count: reportedTotal }),
  };
}
