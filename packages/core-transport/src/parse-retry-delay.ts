/**
 * How long the upstream asked us to wait before trying again, in milliseconds, or
 * `undefined` when it did not say. Reads, in order: `retry-after-ms` (OpenAI's header),
 * `Retry-After` (seconds or an HTTP date) and Google's `RetryInfo.retryDelay` (`"34.4s"`)
 * in the error body's `details`.
 *
 * @example
 * ```ts
 * import { parseRetryDelay } from '@gemgate/core-transport';
 * parseRetryDelay({ headers: { 'retry-after': '2' } }); // 2000
 * parseRetryDelay({ body: { error: { details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }] } } }); // 1500
 * ```
 */
export function parseRetryDelay({
  headers,
  body,
  now = Date.now(),
}: {
  headers?: Record<string, string> | undefined;
  body?: unknown;
  now?: number;
}): number | undefined {
  const retryAfterMs = headers?.['retry-after-ms'];
  if (retryAfterMs !== undefined) {
    const milliseconds = Number(retryAfterMs);
    if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  }
  const retryAfter = headers?.['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (retryAfter.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    // Only a real HTTP date (it names a month): V8 reads "-1" or "12" as dates too.
    const date = /[a-z]/i.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN;
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return retryInfoDelay(body);
}

function retryInfoDelay(body: unknown): number | undefined {
  const envelope = Array.isArray(body) ? body[0] : body;
  const details = (envelope as { error?: { details?: unknown } } | undefined)?.error?.details;
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    const type = (detail as { '@type'?: unknown })?.['@type'];
    if (typeof type !== 'string' || !type.endsWith('google.rpc.RetryInfo')) continue;
    return parseDuration((detail as { retryDelay?: unknown }).retryDelay);
  }
  return undefined;
}

/** A protobuf Duration: JSON form `"34.4s"`, or the object form `{ seconds, nanos }`. */
function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(value);
    return match ? Math.round(Number(match[1]) * 1000) : undefined;
  }
  if (typeof value === 'object' && value !== null) {
    const { seconds = 0, nanos = 0 } = value as { seconds?: number | string; nanos?: number };
    const total = Number(seconds) * 1000 + Number(nanos) / 1e6;
    return Number.isFinite(total) ? Math.round(total) : undefined;
  }
  return undefined;
}
