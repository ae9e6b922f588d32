import {
  errorFromResponse,
  isErrorEnvelope,
  ResponseValidationError,
  type TransportResponse,
} from '@gemgate/core-transport';

/**
 * The body of a non-streamed answer, checked for what can reach it past the transport's own
 * check (a middleware answers without the transport): a stream where JSON was asked for, and a
 * 2xx body that is an error envelope (`{ error: {...} }`), which OpenAI-shaped gateways send with status 200 at
 * times. The latter becomes the typed error its envelope describes (quota, rate limit, ...),
 * not a puzzling "no choices" complaint.
 *
 * @example
 * ```ts
 * const body = readJsonAnswer({ response, operation: 'models.list', secrets: [apiKey] });
 * ```
 */
export function readJsonAnswer({
  response,
  operation,
  secrets = [],
}: {
  response: TransportResponse;
  operation: string;
  /** The key and app code, scrubbed from the error as the transport scrubs its own. */
  secrets?: readonly string[] | undefined;
}): Record<string, unknown> | undefined {
  if (response.kind !== 'json') {
    throw new ResponseValidationError(
      `${operation} asked for a JSON answer but got a stream (from a middleware?).`,
      { path: '', requestId: response.requestId },
    );
  }
  const body = response.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    if (isErrorEnvelope(body)) {
      throw errorFromResponse({ status: response.status, headers: response.headers, body, secrets });
    }
    return undefined;
  }
  if (isErrorEnvelope(body) && !('choices' in body) && !('data' in body)) {
    throw errorFromResponse({ status: response.status, headers: response.headers, body, secrets });
  }
  return body as Record<string, unknown>;
}
