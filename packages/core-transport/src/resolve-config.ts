import { AuthenticationError, InvalidArgumentError } from './errors.js';
import type { Route } from './model-catalog.js';
import { redactSecrets } from './redact-secrets.js';

const defaultHost = 'https://aihubmix.com';
const routeSuffix: Record<Route, string> = { native: '/gemini', openai: '/v1' };

/**
 * Normalizes a base URL for a route. Trailing slashes are removed; a bare host
 * (`https://aihubmix.com`, as one page of the gateway's docs shows it) is completed with
 * `/gemini` for the native route or `/v1` for the OpenAI route; without a URL,
 * `AIHUBMIX_BASE_URL` (a host or a URL) is used, then the defaults
 * `https://aihubmix.com/gemini` and `https://aihubmix.com/v1`.
 *
 * @example
 * ```ts
 * import { resolveBaseURL } from '@gemgate/core-transport';
 * resolveBaseURL({ baseURL: 'https://aihubmix.com/', route: 'native' }); // 'https://aihubmix.com/gemini'
 * resolveBaseURL({ route: 'openai', env: {} }); // 'https://aihubmix.com/v1'
 * ```
 */
export function resolveBaseURL({
  baseURL,
  route,
  env = process.env,
}: {
  baseURL?: string | undefined;
  route: Route;
  env?: Record<string, string | undefined> | undefined;
}): string {
  const given = baseURL?.trim() || env.AIHUBMIX_BASE_URL?.trim() || defaultHost;
  // A host written without a scheme (`aihubmix.com`) is what people paste from the dashboard.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `https://${given}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InvalidArgumentError(
      `baseURL "${given}" is not a URL: pass something like "https://aihubmix.com${routeSuffix[route]}".`,
      { argument: 'baseURL' },
    );
  }
  checkHttpScheme({ url, quoted: redactSecrets(given) });
  const path = url.pathname.replace(/\/+$/, '');
  const origin = `${url.protocol}//${url.host}`;
  const search = url.search;
  if (path === '') return `${origin}${routeSuffix[route]}${search}`;
  return `${origin}${path}${search}`;
}

/**
 * The API key passed in, else `AIHUBMIX_API_KEY`. Throws an `AuthenticationError` (and no
 * request is sent) when neither is set.
 *
 * @example
 * ```ts
 * import { resolveApiKey } from '@gemgate/core-transport';
 * resolveApiKey({ apiKey: 'sk-test' }); // 'sk-test'
 * resolveApiKey({ env: { AIHUBMIX_API_KEY: 'sk-env' } }); // 'sk-env'
 * ```
 */
export function resolveApiKey({
  apiKey,
  env = process.env,
}: {
  apiKey?: string | undefined;
  env?: Record<string, string | undefined> | undefined;
}): string {
  if (apiKey !== undefined && typeof apiKey !== 'string') {
    throw new InvalidArgumentError(`apiKey must be a string, got ${typeof apiKey}.`, { argument: 'apiKey' });
  }
  const key = apiKey?.trim() || env.AIHUBMIX_API_KEY?.trim();
  if (!key) {
    throw new AuthenticationError(
      'No API key: pass `apiKey` or set the AIHUBMIX_API_KEY environment variable (create a key at https://aihubmix.com).',
    );
  }
  return key;
}

/**
 * The gateway's optional partner code: the one passed in, else `AIHUBMIX_APP_CODE`, else none.
 *
 * @example
 * ```ts
 * import { resolveAppCode } from '@gemgate/core-transport';
 * resolveAppCode({ env: { AIHUBMIX_APP_CODE: 'ABC123' } }); // 'ABC123'
 * ```
 */
export function resolveAppCode({
  appCode,
  env = process.env,
}: {
  appCode?: string | undefined;
  env?: Record<string, string | undefined> | undefined;
}): string | undefined {
  return appCode?.trim() || env.AIHUBMIX_APP_CODE?.trim() || undefined;
}

/**
 * The gateway speaks HTTP(S) only: an `ftp://` or `file://` base URL would otherwise fail on
 * every try as a connection error. `quoted` is what the message shows, already free of secrets.
 */
export function checkHttpScheme({ url, quoted }: { url: URL; quoted: string }): void {
  if (url.protocol === 'https:' || url.protocol === 'http:') return;
  throw new InvalidArgumentError(
    `baseURL "${quoted}" uses ${url.protocol.slice(0, -1)}: the gateway is reached over https:// (or http:// for a local server), e.g. "https://aihubmix.com/gemini".`,
    { argument: 'baseURL' },
  );
}
