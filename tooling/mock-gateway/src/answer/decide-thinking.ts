import { upstreamModelOf } from '../upstream/upstream-rules.js';

/**
 * Whether a model thinks for a request, from the mock's upstream rules: thinking families think
 * unless the budget is 0 (or they do not think by default and nothing asked them to); `-nothink`
 * ids never think; models the table does not know think only when asked to with a positive
 * budget or `includeThoughts`.
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
  const upstream = upstreamModelOf(model);
  if (!upstream) return includeThoughts === true || (thinkingBudget !== undefined && thinkingBudget !== 0);
  if (!upstream.thinking.thinks || upstream.variant === 'nothink') return false;
  if (thinkingBudget === 0) return false;
  if (thinkingBudget === undefined && thinkingLevel === undefined && !upstream.thinking.thinksByDefault) {
    return includeThoughts === true;
  }
  return true;
}

/** Whether a model is a Gemini 3 model, whose thought signatures must come back in history. */
export function requiresThoughtSignatures(model: string): boolean {
  return upstreamModelOf(model)?.family.startsWith('gemini-3') ?? false;
}

/** Whether a model is a Gemini 2.0 model (no thinking, `index`-less streams, safety ratings). */
export function isGemini2(model: string): boolean {
  return upstreamModelOf(model)?.family.startsWith('gemini-2.0') ?? false;
}
