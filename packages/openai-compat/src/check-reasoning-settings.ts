import {
  gatewayVariantOf,
  InvalidArgumentError,
  type LintField,
  type LintIssue,
  type Logger,
  lintRequest,
  type ReasoningEffort,
} from '@gemgate/core-transport';
import type { ParsedChatParams } from './chat-params-schema.js';
import { lookupModelCached } from './lookup-model-cached.js';

const thinkingPath = 'extra_body.google.thinking_config';

/** Where each linted setting sits in a chat request, for errors and adjustments. */
const chatArguments: Record<LintField, string> = {
  model: 'model',
  thinkingBudget: `${thinkingPath}.thinking_budget`,
  thinkingLevel: `${thinkingPath}.thinking_level`,
  includeThoughts: `${thinkingPath}.include_thoughts`,
  temperature: 'temperature',
  topP: 'top_p',
  topK: 'extra_body.google.top_k',
  candidateCount: 'n',
  maxOutputTokens: 'max_tokens',
  cachedContent: 'extra_body.google.cached_content',
  contents: 'messages',
  mediaResolution: 'extra_body.google.media_resolution',
  partMediaResolution: 'messages[].content[].media_resolution',
};

const effortOrder: readonly ReasoningEffort[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'];

/** The accepted effort nearest to the one asked for, the higher one on a tie. */
function nearestEffort({
  effort,
  accepted,
}: {
  effort: ReasoningEffort;
  accepted: readonly ReasoningEffort[];
}) {
  const wanted = effortOrder.indexOf(effort);
  return [...accepted].sort(
    (left, right) =>
      Math.abs(effortOrder.indexOf(left) - wanted) - Math.abs(effortOrder.indexOf(right) - wanted) ||
      effortOrder.indexOf(right) - effortOrder.indexOf(left),
  )[0];
}

/** The chat parameters the linter reads; the others pass through untouched. */
type CheckedParams = Pick<ParsedChatParams, 'model' | 'reasoning_effort' | 'extra_body'> &
  Partial<
    Pick<
      ParsedChatParams,
      'temperature' | 'top_p' | 'n' | 'max_tokens' | 'max_completion_tokens' | 'messages'
    >
  >;

/**
 * Checks `reasoning_effort` and `extra_body.google.thinking_config` against what the model
 * accepts, the way the upstream would: `-nothink` ids take no reasoning settings, each family
 * takes its own efforts, and effort and thinking_config do not go together; then the rest of
 * the catalog's rules (Gemini 3+ sampling, candidates and prefill, token limits, Gemini 4's
 * levels-only thinking and implicit-only caching, retired ids, the 2.5 deprecation). With
 * `fix`, fixable errors are adjusted with a warning: the params to send are returned. Unknown
 * models pass unchecked (the gateway adds models faster than we release).
 *
 * @example
 * ```ts
 * checkReasoningSettings({
 *   params: { model: 'gemini-2.5-flash-preview-04-17-nothink', messages: [], reasoning_effort: 'high' },
 * }); // throws InvalidArgumentError (argument 'reasoning_effort')
 * ```
 */
export function checkReasoningSettings<T extends CheckedParams>({
  params,
  fix = false,
  logger,
}: {
  params: T;
  fix?: boolean | undefined;
  logger?: Logger | undefined;
}): T {
  const { model, reasoning_effort: effort } = params;
  const given = params.extra_body?.google?.thinking_config;
  // `ThinkingLevel.HIGH` (the official enum, upper case) means the same level as `high`.
  const thinking =
    typeof given?.thinking_level === 'string'
      ? { ...given, thinking_level: given.thinking_level.toLowerCase() }
      : given;

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
  if (info === undefined)
    logger?.debug('model not in the gemgate catalog; reasoning settings sent unchecked', { model });
  let adjusted = params;
  const issues: LintIssue[] = [];
  if (info && effort !== undefined && !info.thinking.reasoningEfforts.includes(effort)) {
    const accepted = info.thinking.reasoningEfforts;
    const message = `reasoning_effort "${effort}" is not accepted by ${model}: use one of ${accepted.join(', ')}.`;
    const value = nearestEffort({ effort, accepted });
    if (!fix || value === undefined) {
      throw new InvalidArgumentError(
        `${message} (Or create the client with lint: { fix: true } to adjust it.)`,
        {
          argument: 'reasoning_effort',
        },
      );
    }
    logger?.warn(`${message} Adjusted (lint.fix): reasoning_effort sent as ${value}.`, {
      model,
      argument: 'reasoning_effort',
    });
    adjusted = { ...adjusted, reasoning_effort: value };
  }
  const lastRole = params.messages?.at(-1)?.role;
  issues.push(
    ...lintRequest({
      model,
      fix,
      request: {
        thinking: thinking && {
          thinkingBudget: thinking.thinking_budget,
          thinkingLevel: thinking.thinking_level,
          includeThoughts: thinking.include_thoughts,
        },
        temperature: params.temperature,
        topP: params.top_p,
        candidateCount: params.n,
        maxOutputTokens: params.max_completion_tokens ?? params.max_tokens,
        cachedContent: params.extra_body?.google?.cached_content as string | undefined,
        lastTurnRole: lastRole,
      },
    }),
  );
  const error = issues.find((issue) => issue.severity === 'error');
  if (error) {
    const argument =
      error.field === 'maxOutputTokens' && params.max_completion_tokens != null
        ? 'max_completion_tokens'
        : chatArguments[error.field];
    throw new InvalidArgumentError(error.message, { argument });
  }
  for (const issue of issues) {
    logger?.warn(issue.message, { argument: chatArguments[issue.field], model });
    if (issue.adjustment)
      adjusted = adjustChatParams({ params: adjusted, field: issue.field, adjustment: issue.adjustment });
  }
  return adjusted;
}

/** One adjustment on a copy of the params (the nested objects changed are copied too). */
function adjustChatParams<T extends CheckedParams>({
  params,
  field,
  adjustment,
}: {
  params: T;
  field: LintField;
  adjustment: NonNullable<LintIssue['adjustment']>;
}): T {
  const value = 'remove' in adjustment ? undefined : adjustment.value;
  const thinkingKeys: Partial<Record<LintField, string>> = {
    thinkingBudget: 'thinking_budget',
    thinkingLevel: 'thinking_level',
    includeThoughts: 'include_thoughts',
  };
  const thinkingKey = thinkingKeys[field];
  if (thinkingKey) {
    const google = params.extra_body?.google ?? {};
    const thinkingConfig: Record<string, unknown> = { ...(google.thinking_config ?? {}) };
    if (value === undefined) delete thinkingConfig[thinkingKey];
    else thinkingConfig[thinkingKey] = value;
    return {
      ...params,
      extra_body: { ...params.extra_body, google: { ...google, thinking_config: thinkingConfig } },
    };
  }
  const copy: Record<string, unknown> = { ...params };
  const keys =
    field === 'maxOutputTokens'
      ? ['max_tokens', 'max_completion_tokens'].filter((key) => copy[key] != null)
      : [{ temperature: 'temperature', topP: 'top_p', candidateCount: 'n' }[field as string]].filter(
          (key): key is string => key !== undefined,
        );
  for (const key of keys) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy as T;
}
