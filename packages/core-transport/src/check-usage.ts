import type { Usage } from './usage.js';

/** A usage whose reported total is not the sum of its parts, as `checkUsage` describes it. */
export interface UsageMismatch {
  /** `inputTokens + outputTokens + toolUseInputTokens`. */
  expected: number;
  /** `totalTokens`, the total the upstream reported. */
  reported: number;
  /** `reported - expected`: positive when the upstream counted tokens no field accounts for. */
  difference: number;
  /** The mismatch in one sentence with both numbers, ready for a warning. */
  message: string;
}

/**
 * Checks that a usage adds up: `totalTokens` (the upstream's own total) must equal
 * `inputTokens + outputTokens + toolUseInputTokens`. The converters keep a reported total as
 * sent rather than bend the other counts to fit it, so a total that does not add up (tokens
 * some upstream counts where no rule knows to look) surfaces here instead of being hidden.
 * Returns `undefined` when the usage adds up.
 *
 * @example
 * ```ts
 * import { checkUsage, convertOpenAIUsage } from '@gemgate/core-transport';
 * const usage = convertOpenAIUsage({
 *   usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 20, completion_tokens_details: { reasoning_tokens: 0 } },
 * });
 * const mismatch = checkUsage({ usage });
 * if (mismatch) console.warn(mismatch.message); // { expected: 15, reported: 20, difference: 5, ... }
 * ```
 */
export function checkUsage({ usage }: { usage: Usage }): UsageMismatch | undefined {
  const expected = usage.inputTokens + usage.outputTokens + usage.toolUseInputTokens;
  const reported = usage.totalTokens;
  if (expected === reported) return undefined;
  const difference = reported - expected;
  return {
    expected,
    reported,
    difference,
    message:
      `The reported total of ${reported} tokens is ${Math.abs(difference)} ` +
      `${difference > 0 ? 'more' : 'fewer'} than input + output + tool-use input = ${expected}.`,
  };
}
