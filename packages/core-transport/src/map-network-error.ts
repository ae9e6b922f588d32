import { AbortedError, ConnectionError, GemgateError, TimeoutError } from './errors.js';
import { redactSecrets } from './redact-secrets.js';

/**
 * Turns what undici throws into a gemgate error: its header and body timeouts become
 * `TimeoutError` (`firstByte`, `chunkGap`), a gemgate error already set as the abort
 * reason passes through, and every other failure is a `ConnectionError`.
 */
export function mapNetworkError({
  error,
  timeouts,
  secrets,
}: {
  error: unknown;
  timeouts: { firstByte: number; chunkGap: number };
  secrets: readonly string[];
}): GemgateError {
  if (GemgateError.isInstance(error)) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return new TimeoutError(`No answer within the first-byte timeout of ${timeouts.firstByte} ms.`, {
      phase: 'firstByte',
      timeoutMs: timeouts.firstByte,
      cause: error,
    });
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return new TimeoutError(
      `The answer stalled longer than the chunk-gap timeout of ${timeouts.chunkGap} ms.`,
      {
        phase: 'chunkGap',
        timeoutMs: timeouts.chunkGap,
        cause: error,
      },
    );
  }
  if (code === 'UND_ERR_ABORTED' || (error as { name?: unknown } | undefined)?.name === 'AbortError') {
    return new AbortedError('The request was aborted.', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectionError(
    redactSecrets(`Connection failed${typeof code === 'string' ? ` (${code})` : ''}: ${message}`, secrets),
    { cause: error },
  );
}
