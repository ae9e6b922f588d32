import type { ErrorReply } from '../http/error-reply.js';
import { upstreamModelOf } from '../upstream/upstream-rules.js';

/**
 * The upstream's 400 for a thinking config its rules reject (the mock's own table in
 * `upstream-rules.ts`, never core's catalog), in the upstream's words for the mistakes callers
 * make most; `undefined` when it is accepted. Shared by the native `thinkingConfig` and the
 * OpenAI route's `extra_body.google.thinking_config`, which reach the same model. Models the
 * table does not know are accepted as they are.
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
  const { thinkingBudget: budget, includeThoughts } = thinkingConfig;
  const level =
    typeof thinkingConfig.thinkingLevel === 'string'
      ? thinkingConfig.thinkingLevel.toLowerCase()
      : thinkingConfig.thinkingLevel;
  const upstream = upstreamModelOf(model);
  if (!upstream) return undefined;
  const rules = upstream.thinking;
  const invalid = (message: string): ErrorReply => ({ status: 400, message });
  if (budget !== undefined && level !== undefined) {
    return invalid('You can only set only one of thinking budget and thinking level.');
  }
  if (!rules.thinks) {
    if ((budget !== undefined && budget !== 0) || level !== undefined || includeThoughts === true) {
      return invalid(`Thinking is not enabled for models/${upstream.baseId}.`);
    }
    return undefined;
  }
  if (budget !== undefined && !rules.budgetAccepted) {
    return invalid('Thinking budget is not supported for this model; use thinking level instead.');
  }
  if (budget !== undefined) {
    if (!Number.isInteger(budget)) {
      return invalid(
        `Invalid value at 'generation_config.thinking_config.thinking_budget' (TYPE_INT32), ${budget}`,
      );
    }
    if (budget === 0 && !rules.budgetZeroAllowed) {
      return invalid('Budget 0 is invalid. This model only works in thinking mode.');
    }
    if (budget === -1 && !rules.dynamicAllowed)
      return invalid('Dynamic thinking is not supported for this model.');
    const range = rules.budgetRange;
    if (budget < -1 || (budget > 0 && range && (budget < range.min || budget > range.max))) {
      return invalid(
        `The thinking budget ${budget} is invalid. Please choose a value between ${range?.min ?? 0} and ${range?.max ?? 0}.`,
      );
    }
  }
  if (level !== undefined) {
    if (rules.levels.length === 0) return invalid('Thinking level is not supported for this model.');
    if (!rules.levels.includes(level)) {
      return invalid(
        `Invalid value at 'generation_config.thinking_config.thinking_level' (type.googleapis.com/google.ai.generativelanguage.v1beta.ThinkingConfig.ThinkingLevel), "${thinkingConfig.thinkingLevel}"`,
      );
    }
  }
  return undefined;
}
