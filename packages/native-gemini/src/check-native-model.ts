import {
  gatewayVariantOf,
  InvalidArgumentError,
  type LintableRequest,
  type LintField,
  type LintIssue,
  type Logger,
  lintRequest,
  lookupModel,
  type ThinkingRequest,
} from '@gemgate/core-transport';
import { thinkingLevelForCheck } from './thinking-level-for-check.js';

/** `gemini-2.5-flash`, `models/gemini-2.5-flash`, `tunedModels/my-model-123`. */
const modelIdPattern = /^(?:(?:models|tunedModels)\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The checks run before a request leaves: the model id's shape, the gateway's `-nothink` / `-search` ids
 * (served only on the OpenAI-compatible route), and the model's thinking rules. Errors stop
 * the call with an `InvalidArgumentError`; warnings (a budget on 2.5 Pro, which the gateway
 * advises against but accepts; a retired or deprecated id) go to `logger.warn` and the request
 * is sent as given. With `request`, the rest of the catalog's rules are linted too (Gemini 3+
 * sampling, media resolution, token limits, Gemini 4 caching); with `fix`, fixable errors
 * become warnings and the adjustments to make are returned. Unknown models pass unchecked.
 *
 * @example
 * ```ts
 * import { checkNativeModel } from '@gemgate/native-gemini';
 * checkNativeModel({ model: 'gemini-2.5-flash', thinking: { thinkingBudget: 512 } }); // passes
 * ```
 */
export function checkNativeModel({
  model,
  thinking,
  request = {},
  fix = false,
  logger,
}: {
  model: string;
  thinking?: ThinkingRequest | undefined;
  request?: Omit<LintableRequest, 'thinking'> | undefined;
  fix?: boolean | undefined;
  logger?: Logger | undefined;
}): LintIssue[] {
  if (typeof model !== 'string' || model.length === 0) {
    throw new InvalidArgumentError('model is required, e.g. "gemini-2.5-flash".', { argument: 'model' });
  }
  // The id becomes part of the URL path: `?`, `#`, `:`, spaces or `..` would change which
  // endpoint is called (a model id taken from a user must not reach another route).
  if (!modelIdPattern.test(model)) {
    throw new InvalidArgumentError(
      `model ${JSON.stringify(model)} is not a model id: use letters, digits, ".", "-" and "_", optionally after "models/" or "tunedModels/" (e.g. "gemini-2.5-flash").`,
      { argument: 'model' },
    );
  }
  const variant = gatewayVariantOf(model);
  if (variant) {
    const hint =
      variant === 'nothink'
        ? 'or keep the native client, drop the suffix and set config.thinkingConfig.thinkingBudget to 0 (Flash models)'
        : 'or keep the native client, drop the suffix and add the googleSearch tool';
    throw new InvalidArgumentError(
      `Model "${model}" exists only on the gateway's OpenAI-compatible route: use createOpenAICompat from @gemgate/openai-compat, ${hint}.`,
      { argument: 'model' },
    );
  }
  // The upstream rejects both together on every model, so this holds for unknown models too.
  // The OpenAI client refuses the pair in extra_body.google.thinking_config with this same message.
  if (thinking?.thinkingBudget !== undefined && thinking.thinkingLevel !== undefined) {
    throw new InvalidArgumentError(
      'Set either a thinking level or a thinking budget, not both: the upstream rejects a request with both, whatever the model.',
      { argument: 'config.thinkingConfig.thinkingLevel' },
    );
  }
  if (!lookupModel(model)) logger?.debug('Model not in the catalog: sent unchecked.', { model });
  // `ThinkingLevel.HIGH` ('HIGH') and the REST docs' 'high' are the same level to the upstream.
  const checked = thinking
    ? { ...thinking, thinkingLevel: thinkingLevelForCheck(thinking.thinkingLevel) }
    : undefined;
  const issues = lintRequest({ model, request: { ...request, thinking: checked }, fix });
  const error = issues.find((issue) => issue.severity === 'error');
  if (error) throw new InvalidArgumentError(error.message, { argument: nativeArgumentOf(error.field) });
  for (const issue of issues) logger?.warn(issue.message, { model, argument: nativeArgumentOf(issue.field) });
  return issues.filter((issue) => issue.adjustment !== undefined);
}

/** Where a linted setting sits in `generateContent`'s parameters, for the error's `argument`. */
export function nativeArgumentOf(field: LintField): string {
  switch (field) {
    case 'model':
    case 'contents':
      return field;
    case 'thinkingBudget':
    case 'thinkingLevel':
    case 'includeThoughts':
      return `config.thinkingConfig.${field}`;
    case 'partMediaResolution':
      return 'contents[].parts[].mediaResolution';
    default:
      return `config.${field}`;
  }
}
