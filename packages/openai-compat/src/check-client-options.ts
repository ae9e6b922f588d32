import { InvalidArgumentError } from '@gemgate/core-transport';
import { checkClientHooks } from '@gemgate/core-transport/internal';

const knownOptions = new Set([
  'apiKey',
  'baseURL',
  'headers',
  'appCode',
  'timeout',
  'maxRetries',
  'retryOnTimeout',
  'middleware',
  'dispatcher',
  'logger',
  'env',
]);

/** What to write instead of an `openai` option or a likely typo. */
const replacements: Record<string, string> = {
  baseUrl: 'baseURL',
  baseurl: 'baseURL',
  base_url: 'baseURL',
  apikey: 'apiKey',
  api_key: 'apiKey',
  defaultHeaders: 'headers',
  fetch: 'dispatcher (an undici dispatcher)',
  fetchOptions: 'dispatcher (an undici dispatcher)',
  httpAgent: 'dispatcher (an undici dispatcher)',
};

/**
 * Rejects options `createOpenAICompat` does not know. Ignoring them would be silent
 * misbehaviour, and a dangerous one: with `baseUrl` for `baseURL`, calls meant for a local
 * gateway would go to aihubmix.com with the key.
 *
 * @example
 * ```ts
 * checkClientOptions({ options: { baseUrl: 'http://127.0.0.1:8080/v1' } });
 * // throws InvalidArgumentError: createOpenAICompat has no option "baseUrl": use baseURL.
 * ```
 */
export function checkClientOptions({ options }: { options: object }): void {
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError('createOpenAICompat takes an options object, e.g. { apiKey }.', {
      argument: 'options',
    });
  }
  for (const name of Object.keys(options)) {
    if (knownOptions.has(name)) continue;
    const replacement = replacements[name];
    const advice = replacement
      ? `use ${replacement}`
      : `remove it (the options are ${[...knownOptions].join(', ')})`;
    throw new InvalidArgumentError(`createOpenAICompat has no option "${name}": ${advice}.`, {
      argument: name,
    });
  }
  const { apiKey, logger, middleware } = options as {
    apiKey?: unknown;
    logger?: unknown;
    middleware?: unknown;
  };
  checkClientHooks({ apiKey, logger, middleware });
}
