import { InvalidArgumentError } from '@gemgate/core-transport';

/**
 * A cache lifetime for the wire: seconds as a number, or a duration string (`"300s"`,
 * `"1.5s"`), becomes the `"<seconds>s"` Duration the upstream takes.
 *
 * @example
 * ```ts
 * import { formatTtl } from '@gemgate/native-gemini';
 * formatTtl(300); // '300s'
 * formatTtl('3600s'); // '3600s'
 * ```
 */
export function formatTtl(ttl: number | string): string {
  if (typeof ttl === 'number' && Number.isFinite(ttl) && ttl > 0) return `${ttl}s`;
  if (typeof ttl === 'string' && /^\d+(\.\d+)?s$/.test(ttl) && Number.parseFloat(ttl) > 0) return ttl;
  throw new InvalidArgumentError(
    `config.ttl must be a positive number of seconds (300) or a duration string ("300s"), got ${JSON.stringify(ttl)}.`,
    { argument: 'config.ttl' },
  );
}

/**
 * An absolute expiry for the wire: a `Date` or an ISO-8601 string becomes an RFC 3339 timestamp.
 *
 * @example
 * ```ts
 * import { formatExpireTime } from '@gemgate/native-gemini';
 * formatExpireTime(new Date('2030-01-01T00:00:00Z')); // '2030-01-01T00:00:00.000Z'
 * ```
 */
export function formatExpireTime(expireTime: Date | string): string {
  const date = expireTime instanceof Date ? expireTime : new Date(expireTime);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError(
      `config.expireTime must be a Date or an ISO-8601 timestamp, got ${JSON.stringify(expireTime)}.`,
      { argument: 'config.expireTime' },
    );
  }
  return date.toISOString();
}

/** The wire fields of a cache lifetime: exactly one of `ttl` and `expireTime`. */
export function expirationFields({
  ttl,
  expireTime,
}: {
  ttl?: number | string | undefined;
  expireTime?: Date | string | undefined;
}): { ttl: string } | { expireTime: string } | Record<string, never> {
  if (ttl !== undefined && expireTime !== undefined) {
    throw new InvalidArgumentError('Set either config.ttl or config.expireTime, not both.', {
      argument: 'config.ttl',
    });
  }
  if (ttl !== undefined) return { ttl: formatTtl(ttl) };
  if (expireTime !== undefined) return { expireTime: formatExpireTime(expireTime) };
  return {};
}
