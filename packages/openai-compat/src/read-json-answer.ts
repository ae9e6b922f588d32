import { ResponseValidationError, type TransportResponse } from '@gemgate/core-transport';

/**
 * The body of a non-streamed answer, checked for what can reach it from a middleware: a
 * stream where JSON was asked for. (A 2xx error envelope never gets here: the transport turns
 * it into its typed error, whether it came from the wire or from a middleware.)
 *
 * @example
 * ```ts
 * const body = readJsonAnswer({ response, operation: 'models.list' });
 * ```
 */
export function readJsonAnswer({
  response,
  operation,
}: {
  response: TransportResponse;
  operation: string;
}): Record<string, unknown> | undefined {
  if (response.kind !== 'json') {
    throw new ResponseValidationError(
      `${operation} asked for a JSON answer but got a stream (from a middleware?).`,
      { path: '', requestId: response.requestId },
    );
  }
  const body = response.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return body as Record<string, unknown>;
}
