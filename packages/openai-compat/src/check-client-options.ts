import { checkClientHooks, checkOptionNames } from '@gemgate/core-transport/internal';

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
  'lint',
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
 * // throws InvalidArgumentError: createOpenAICompat has no option "baseUrl": did you mean baseURL?
 * ```
 */
export function checkClientOptions({ options }: { options: unknown }): void {
  const { apiKey, logger, middleware } = checkOptionNames({
    options,
    names: [...knownOptions],
    fixes: replacements,
    owner: 'createOpenAICompat',
  });
  checkClientHooks({ apiKey, logger, middleware });
}
