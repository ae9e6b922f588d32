import { InvalidArgumentError } from './errors.js';

function refuse(argument: string, message: string): never {
  throw new InvalidArgumentError(message, { argument });
}

/**
 * Checks a client's `apiKey`, `logger` and `middleware` options when the client is made, so a wrong type
 * fails there, naming the field, rather than as a `TypeError` deep inside a call (or, for a
 * logger, on the first warning, which may be weeks later). Both clients call it.
 *
 * @example
 * ```ts
 * checkClientHooks({ apiKey: 'sk-...', logger: {}, middleware: undefined });
 * // throws InvalidArgumentError: logger must have debug and warn functions (missing debug and warn) ...
 * ```
 */
export function checkClientHooks({
  apiKey,
  logger,
  middleware,
}: {
  apiKey: unknown;
  logger: unknown;
  middleware: unknown;
}): void {
  if (apiKey !== undefined && typeof apiKey !== 'string') {
    refuse('apiKey', `apiKey must be a string (the AiHubMix key), got ${typeof apiKey}.`);
  }
  if (logger !== undefined) {
    const candidate = logger as Record<string, unknown> | null;
    const missing = ['debug', 'warn'].filter((method) => typeof candidate?.[method] !== 'function');
    if (missing.length > 0) {
      refuse(
        'logger',
        `logger must have debug and warn functions (missing ${missing.join(' and ')}): pass console, or an object with both.`,
      );
    }
  }
  if (middleware !== undefined) {
    if (!Array.isArray(middleware))
      refuse('middleware', 'middleware must be a list of functions (request, next) => response.');
    const at = middleware.findIndex((step) => typeof step !== 'function');
    if (at !== -1) {
      refuse(
        `middleware[${at}]`,
        `middleware[${at}] must be a function (request, next) => response, got ${typeof middleware[at]}.`,
      );
    }
  }
}
