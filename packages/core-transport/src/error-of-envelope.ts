import { errorFromResponse, isErrorEnvelope } from './error-from-response.js';
import type { GemgateError } from './errors.js';

/**
 * The failure a 2xx JSON body describes when it is an error envelope (`{ error: {...} }`, or
 * an array starting with one), which gateways send with status 200 at times; `undefined` for
 * an answer. A body that also carries an answer (`candidates`, `choices`, `data`) is that
 * answer. The transport runs this on what the middleware chain returns, so both clients
 * raise the same typed error whether the envelope came from the wire or from a middleware.
 *
 * @example
 * ```ts
 * const error = errorOfEnvelope({ status: 200, headers: {}, body: { error: { code: 429, message: 'Slow down' } }, secrets: [] });
 * // error is a RateLimitError
 * ```
 */
export function errorOfEnvelope({
  status,
  headers,
  body,
  secrets,
}: {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The key and app code, scrubbed from the error's message and body. */
  secrets: readonly string[];
}): GemgateError | undefined {
  if (!isErrorEnvelope(body)) return undefined;
  if (!Array.isArray(body)) {
    const answer = body as Record<string, unknown>;
    if ('candidates' in answer || 'choices' in answer || 'data' in answer) return undefined;
  }
  return errorFromResponse({ status, headers, body, secrets });
}
