import type { Logger } from './transport-types.js';

/**
 * How many distinct warnings a client remembers. Warnings name the model, so a service that
 * passes its users' model ids through could otherwise grow the set without end; past the
 * limit the memory starts over, and a warning may be said once more.
 */
const rememberedWarnings = 1000;

/**
 * Wraps a logger so each distinct warning reaches it once per client: the same advice on every
 * call (a thinking budget on 2.5 Pro) would drown a log. Debug lines pass through unchanged.
 *
 * @example
 * ```ts
 * const logger = warnOnceLogger({ logger: console });
 * logger.warn('advice'); // printed
 * logger.warn('advice'); // not printed again
 * ```
 */
export function warnOnceLogger({ logger }: { logger: Logger }): Logger {
  const said = new Set<string>();
  return {
    debug: (message, fields) => logger.debug(message, fields),
    warn: (message, fields) => {
      if (said.has(message)) return;
      if (said.size >= rememberedWarnings) said.clear();
      said.add(message);
      logger.warn(message, fields);
    },
  };
}

/** Warnings to `console.warn` (prefixed), debug lines dropped: what a client says with no logger given. */
const consoleLogger: Logger = {
  debug: () => {},
  warn: (message) => console.warn(`[gemgate] ${message}`),
};

/**
 * The one logger policy of both clients: the caller's logger, or warnings to `console.warn`
 * when none is given, each distinct warning once per client.
 *
 * @example
 * ```ts
 * const logger = clientLogger({ logger: options.logger });
 * ```
 */
export function clientLogger({ logger }: { logger: Logger | undefined }): Logger {
  return warnOnceLogger({ logger: logger ?? consoleLogger });
}
