import type { LintIssue } from '@gemgate/core-transport';

const thinkingFields = new Set(['thinkingBudget', 'thinkingLevel', 'includeThoughts']);
const generationFields = new Set([
  'temperature',
  'topP',
  'topK',
  'candidateCount',
  'maxOutputTokens',
  'mediaResolution',
]);

/**
 * Makes the linter's adjustments (`lint: { fix: true }`) on a built native request body. The
 * objects changed are copied first: `generationConfig.thinkingConfig` is the caller's own object.
 *
 * @example
 * ```ts
 * applyLintAdjustments({ body, adjustments: [{ severity: 'warning', field: 'thinkingLevel', message: '', adjustment: { value: 'low' } }] });
 * ```
 */
export function applyLintAdjustments({
  body,
  adjustments,
}: {
  body: Record<string, unknown>;
  adjustments: readonly LintIssue[];
}): void {
  if (adjustments.length === 0) return;
  const generationConfig = { ...((body.generationConfig as Record<string, unknown> | undefined) ?? {}) };
  let thinkingConfig = generationConfig.thinkingConfig as Record<string, unknown> | undefined;
  if (thinkingConfig) thinkingConfig = { ...thinkingConfig };
  for (const { field, adjustment } of adjustments) {
    if (!adjustment) continue;
    const target = thinkingFields.has(field)
      ? thinkingConfig
      : generationFields.has(field)
        ? generationConfig
        : undefined;
    if (!target) continue;
    if ('remove' in adjustment) delete target[field];
    else target[field] = adjustment.value;
  }
  if (thinkingConfig) generationConfig.thinkingConfig = thinkingConfig;
  body.generationConfig = generationConfig;
}
