import { lookupModel } from '@gemgate/core-transport';

/**
 * Whether a model thinks for a request, from the catalog's rules: thinking families think
 * unless the budget is 0 (or their default budget is 0 and none was given); `-nothink` ids never
 * think; models the catalog does not know think only when asked to with a positive budget or
 * `includeThoughts`.
 */
export function decideThinking({
  model,
  thinkingBudget,
  thinkingLevel,
  includeThoughts,
}: {
  model: string;
  thinkingBudget: number | undefined;
  thinkingLevel: string | undefined;
  includeThoughts: boolean | undefined;
}): boolean {
  const info = lookupModel(model);
  if (!info) return includeThoughts === true || (thinkingBudget !== undefined && thinkingBudget !== 0);
  if (!info.thinking.supported || info.variant === 'nothink') return false;
  if (thinkingBudget === 0) return false;
  if (thinkingBudget === undefined && thinkingLevel === undefined && info.thinking.defaultBudget === 0) {
    return includeThoughts === true;
  }
  return true;
}

/** Whether a model is a Gemini 3 model, whose thought signatures must come back in history. */
export function requiresThoughtSignatures(model: string): boolean {
  return lookupModel(model)?.family.startsWith('gemini-3') ?? false;
}
