import {
  AbortedError,
  AuthenticationError,
  ConnectionError,
  GemgateError,
  InsufficientQuotaError,
  InvalidArgumentError,
  PermissionDeniedError,
  RateLimitError,
  redactSecrets,
  TimeoutError,
} from '@gemgate/core-transport';
import { exitCodes } from './exit-codes.js';

/** The exit code for an error, by the families the README documents. */
export function exitCodeOf({ error }: { error: unknown }): number {
  if (AbortedError.isInstance(error)) return exitCodes.interrupted;
  // The media package's own error (a file over the gateway's inline limit) is the user's to fix.
  if (
    InvalidArgumentError.isInstance(error) ||
    (error instanceof Error && error.name === 'MediaTooLargeError')
  ) {
    return exitCodes.usage;
  }
  if (
    AuthenticationError.isInstance(error) ||
    PermissionDeniedError.isInstance(error) ||
    InsufficientQuotaError.isInstance(error)
  ) {
    return exitCodes.auth;
  }
  if (RateLimitError.isInstance(error)) return exitCodes.rateLimit;
  if (ConnectionError.isInstance(error) || TimeoutError.isInstance(error)) return exitCodes.network;
  if (GemgateError.isInstance(error)) return exitCodes.upstream;
  return exitCodes.failure;
}

/**
 * Prints one line for an error, never a stack trace and never the key, and returns the exit
 * code. `GEMGATE_DEBUG=1` adds the stack for bug reports.
 */
export function reportError({
  error,
  write = (text: string) => process.stderr.write(text),
  env = process.env,
}: {
  error: unknown;
  write?: (text: string) => void;
  env?: Record<string, string | undefined>;
}): number {
  const secrets = [env.AIHUBMIX_API_KEY].filter((value): value is string => Boolean(value));
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  write(`gemgate: ${redactSecrets(message, secrets)}\n`);
  if (env.GEMGATE_DEBUG && error instanceof Error && error.stack)
    write(`${redactSecrets(error.stack, secrets)}\n`);
  return exitCodeOf({ error });
}
