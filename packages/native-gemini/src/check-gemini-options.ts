import { InvalidArgumentError } from '@gemgate/core-transport';
import { checkClientHooks, checkOptionNames } from '@gemgate/core-transport/internal';

/** Every option `createGemini` reads; anything else is a mistake the caller must hear of. */
export const geminiOptionNames = [
  'apiKey',
  'baseURL',
  'apiVersion',
  'headers',
  'appCode',
  'timeout',
  'maxRetries',
  'retryOnTimeout',
  'middleware',
  'logger',
  'dispatcher',
  'env',
  'streamFormat',
  'lint',
] as const;

/** The name to write instead of an `@google/genai` spelling or a likely slip. */
const geminiOptionFixes: Record<string, string> = {
  baseUrl: 'baseURL',
  baseurl: 'baseURL',
  base_url: 'baseURL',
  apikey: 'apiKey',
  api_key: 'apiKey',
  timeOut: 'timeout',
  timeoutMs: 'timeout (in milliseconds)',
  retries: 'maxRetries',
  maxRetry: 'maxRetries',
  defaultHeaders: 'headers',
  httpOptions: 'baseURL, headers and timeout at the top level (or new GoogleGenAI({ httpOptions }))',
  fetch: 'dispatcher (an undici dispatcher) or middleware',
};

function refuse(argument: string, message: string): never {
  throw new InvalidArgumentError(message, { argument });
}

/**
 * Checks the options of `createGemini` before anything is built. An unknown option is refused
 * with the right name: ignored, `baseUrl` (the `@google/genai` spelling) would send calls meant
 * for a local gateway to aihubmix.com, with the key. The values the client calls into
 * (`logger`, `middleware`) and the key are checked too, so a wrong type fails here, naming the
 * field, rather than as a `TypeError` deep inside a call.
 *
 * @example
 * ```ts
 * checkGeminiOptions({ options: { baseUrl: 'http://127.0.0.1:8080/gemini' } });
 * // throws InvalidArgumentError: createGemini has no option "baseUrl": did you mean baseURL?
 * ```
 */
export function checkGeminiOptions({ options }: { options: unknown }): void {
  const { apiKey, logger, middleware, streamFormat } = checkOptionNames({
    options,
    names: geminiOptionNames,
    fixes: geminiOptionFixes,
    owner: 'createGemini',
  });
  checkClientHooks({ apiKey, logger, middleware });
  if (streamFormat !== undefined && streamFormat !== 'sse' && streamFormat !== 'json-array') {
    refuse(
      'streamFormat',
      `streamFormat must be "sse" or "json-array", got ${typeof streamFormat === 'string' ? JSON.stringify(streamFormat) : typeof streamFormat}.`,
    );
  }
}
