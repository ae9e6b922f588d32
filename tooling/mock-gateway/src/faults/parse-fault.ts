/** A fault the mock injects into one exchange. */
export type Fault =
  /** Answer with this status and the route's error envelope (429 may carry retry hints). */
  | {
      kind: 'status';
      status: number;
      retryAfterSeconds?: number | undefined;
      retryAfterMs?: number | undefined;
      /** Google `RetryInfo.retryDelay`, e.g. `1.5s`. */
      retryInfo?: string | undefined;
    }
  | { kind: 'reset-before-headers' }
  /** Destroy the socket after `after` streamed events (or halfway through a JSON body). */
  | { kind: 'reset-mid-stream'; after: number }
  /** End the response cleanly halfway through the last event (or the JSON body). */
  | { kind: 'truncate-event' }
  | { kind: 'slow-first-byte'; ms: number }
  | { kind: 'slow-chunks'; ms: number }
  /** Send one event, then an `{error:{...}}` event, then end. */
  | { kind: 'error-in-stream' }
  /** Answer a stream request with 404 and an event-stream content type. */
  | { kind: '404-event-stream' };

/**
 * Parses an `x-mock-fault` value such as `429; retry-after=2` or `slow-first-byte=300`.
 * Returns `undefined` for a value it does not know, so a typo shows up as a normal answer
 * rather than a silent different fault.
 *
 * @example
 * ```ts
 * parseFault('429; retry-info=1.5s'); // { kind: 'status', status: 429, retryInfo: '1.5s' }
 * ```
 */
export function parseFault(spec: string): Fault | undefined {
  const [head = '', ...rest] = spec.split(';').map((item) => item.trim());
  const parameters = new Map<string, string>();
  for (const item of rest) {
    const [name = '', value = ''] = item.split('=').map((piece) => piece.trim());
    parameters.set(name.toLowerCase(), value);
  }
  const [name = '', inlineValue] = head.split('=').map((piece) => piece.trim());
  if (/^\d{3}$/.test(name)) {
    const retryAfter = parameters.get('retry-after');
    const retryAfterMs = parameters.get('retry-after-ms');
    return {
      kind: 'status',
      status: Number(name),
      retryAfterSeconds: retryAfter === undefined ? undefined : Number(retryAfter),
      retryAfterMs: retryAfterMs === undefined ? undefined : Number(retryAfterMs),
      retryInfo: parameters.get('retry-info'),
    };
  }
  switch (name.toLowerCase()) {
    case 'reset-before-headers':
      return { kind: 'reset-before-headers' };
    case 'reset-mid-stream':
      return { kind: 'reset-mid-stream', after: Number(parameters.get('after') ?? inlineValue ?? 1) };
    case 'truncate-event':
      return { kind: 'truncate-event' };
    case 'slow-first-byte':
      return { kind: 'slow-first-byte', ms: Number(inlineValue ?? parameters.get('ms') ?? 1000) };
    case 'slow-chunks':
      return { kind: 'slow-chunks', ms: Number(inlineValue ?? parameters.get('ms') ?? 200) };
    case 'error-in-stream':
      return { kind: 'error-in-stream' };
    case '404-event-stream':
      return { kind: '404-event-stream' };
    default:
      return undefined;
  }
}
