import { errorOfEnvelope } from './error-of-envelope.js';

/**
 * A middleware's stream events, each checked as the transport checks its own: an
 * `{ error: {...} }` event becomes the typed error it describes. `return()` is handed straight
 * on, even before the first `next()`, so letting go of these lets go of the events beneath.
 *
 * @example
 * ```ts
 * const events = envelopeCheckedEvents({ events: response.events, headers: response.headers, secrets });
 * ```
 */
export function envelopeCheckedEvents({
  events,
  headers,
  secrets,
}: {
  events: AsyncIterable<unknown>;
  headers: Record<string, string>;
  secrets: readonly string[];
}): AsyncIterableIterator<unknown> {
  let iterator: AsyncIterator<unknown> | undefined;
  const source = () => {
    iterator ??= events[Symbol.asyncIterator]();
    return iterator;
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const result = await source().next();
      if (!result.done) {
        const error = errorOfEnvelope({ status: 200, headers, body: result.value, secrets });
        if (error) {
          await source().return?.();
          throw error;
        }
      }
      return result;
    },
    async return() {
      return (await source().return?.()) ?? { value: undefined, done: true };
    },
  };
}
