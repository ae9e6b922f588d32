import { checkThinking, gatewayVariantOf, InvalidArgumentError, type Logger } from '@gemgate/core-transport';
import type { ParsedChatParams } from './chat-params-schema.js';
import { lookupModelCached } from './lookup-model-cached.js';

const thinkingFields = {
  thinkingBudget: 'thinking_budget',
  thinkingLevel: 'thinking_level',
  includeThoughts: 'include_thoughts',
  model: 'thinking_budget',
} as const;

/**
 * Checks `reasoning_effort` and `extra_body.google.thinking_config` against what the model
 * accepts, the way the upstream would: `-nothink` ids take no reasoning settings, each family
 * takes its own efforts, and effort and thinking_config do not go together. Unknown models
 * pass unchecked (the gateway adds models faster than we release).
 *
 * @example
 * ```ts
 * checkReasoningSettings({
 *   params: { model: 'gemini-2.5-flash-preview-04-17-nothink', messages: [], reasoning_effort: 'high' },
 * }); // throws InvalidArgumentError (argument 'reasoning_effort')
 * ```
 */
export function checkReasoningSettings({
  params,
  logger,
}: {
  params: Pick<ParsedChatParams, 'model' | 'reasoning_effort' | 'extra_body'>;
  logger?: Logger | undefined;
}): void {
  const { model, reasoning_effort: effort } = params;
  const given = params.extra_body?.google?.thinking_config;
  // `ThinkingLevel.HIGH` (the official enum, upper case) means the same level as `high`.
  const thinking =
    typeof given?.thinking_level === 'string'
      ? { ...given, thinking_level: given.thinking_level.toLowerCase() }
      : given;
  const thinkingPath = 'extra_body.google.thinking_config';

  if (gatewayVariantOf(model) === 'nothink') {
    const baseModel = model.slice(0, -'-nothink'.length);
    if (effort !== undefined && effort !== 'none') {
      throw new InvalidArgumentError(
        `${model} has thinking turned off, so reasoning_effort "${effort}" cannot apply: remove reasoning_effort, or use ${baseModel} to think.`,
        { argument: 'reasoning_effort' },
      );
    }
    const thinks =
      (thinking?.thinking_budget ?? 0) > 0 ||
      thinking?.thinking_level !== undefined ||
      thinking?.include_thoughts === true;
    if (thinks) {
      throw new InvalidArgumentError(
        `${model} has thinking turned off: remove ${thinkingPath}, or use ${baseModel} to think.`,
        { argument: thinkingPath },
      );
    }
  }

  // The upstream rejects a level and a budget together on every model, unknown ones too; the
  // native client refuses the pair in config.thinkingConfig with this same message.
  if (thinking?.thinking_budget !== undefined && thinking.thinking_level !== undefined) {
    throw new InvalidArgumentError(
      'Set either a thinking level or a thinking budget, not both: the upstream rejects a request with both, whatever the model.',
      { argument: `${thinkingPath}.thinking_level` },
    );
  }

  // Google's OpenAI endpoint: reasoning_effort and thinking_config overlap and cannot be used together.
  if (
    effort !== undefined &&
    (thinking?.thinking_budget !== undefined || thinking?.thinking_level !== undefined)
  ) {
    throw new InvalidArgumentError(
      `Set either reasoning_effort or ${thinkingPath} (budget or level), not both: Gemini rejects the pair.`,
      { argument: 'reasoning_effort' },
    );
  }

  const info = lookupModelCached({ model });
  if (info === undefined) {
    logger?.debug('model not in the gemgate catalog; reasoning settings sent unchecked', { model });
    return;
  }
  if (effort !== undefined && !info.thinking.reasoningEfforts.includes(effort)) {
    throw new InvalidArgumentError(
      `reasoning_effort "${effort}" is not accepted by ${model}: use one of ${info.thinking.reasoningEfforts.join(', ')}.`,
      { argument: 'reasoning_effort' },
    );
  }
  if (thinking === undefined) return;
  const issues = checkThinking({
    model,
    thinking: {
      thinkingBudget: thinking.thinking_budget,
      thinkingLevel: thinking.thinking_level,
      includeThoughts: thinking.include_thoughts,
    },
  });
  for (const issue of issues) {
    const argument = `${thinkingPath}.${thinkingFields[issue.field]}`;
    if (issue.severity === 'error') throw new InvalidArgumentError(issue.message, { argument });
    logger?.warn(issue.message, { argument, model });
  }
}
