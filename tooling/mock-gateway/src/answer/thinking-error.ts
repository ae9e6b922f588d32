import { checkThinking } from '@gemgate/core-transport';
import type { ErrorReply } from '../http/error-reply.js';

/**
 * The upstream's 400 for a thinking config the catalog's rules reject (`checkThinking`), in the
 * upstream's own words for the two mistakes callers make most; `undefined` when it is accepted.
 * Shared by the native `thinkingConfig` and the OpenAI route's
 * `extra_body.google.thinking_config`, which reach the same model.
 *
 * @example
 * ```ts
 * thinkingErrorFor({ model: 'gemini-2.5-pro', thinkingConfig: { thinkingBudget: 0 } });
 * // { status: 400, message: 'Budget 0 is invalid. This model only works in thinking mode.' }
 * ```
 */
export function thinkingErrorFor({
  model,
  thinkingConfig,
}: {
  model: string;
  thinkingConfig: Record<string, any>;
}): ErrorReply | undefined {
  const { thinkingBudget, thinkingLevel, includeThoughts } = thinkingConfig;
  const issues = checkThinking({
    model,
    thinking: {
      thinkingBudget,
      thinkingLevel: typeof thinkingLevel === 'string' ? thinkingLevel.toLowerCase() : thinkingLevel,
      includeThoughts,
    },
  });
  const issue = issues.find((candidate) => candidate.severity === 'error');
  if (!issue) return undefined;
  // The upstream's own wording for the two mistakes callers make most.
  if (thinkingBudget !== undefined && thinkingLevel !== undefined) {
    return { status: 400, message: 'You can only set only one of thinking budget and thinking level.' };
  }
  if (thinkingBudget === 0 && issue.field === 'thinkingBudget') {
    return { status: 400, message: 'Budget 0 is invalid. This model only works in thinking mode.' };
  }
  return { status: 400, message: issue.message };
}
