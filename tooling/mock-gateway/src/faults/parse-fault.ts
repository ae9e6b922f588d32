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
  if (/^[45]\d\d$/.test(name)) {
    const retryAfter = optionalNumber(parameters.get('retry-after'));
    const retryAfterMs = optionalNumber(parameters.get('retry-after-ms'));
    // A malformed hint is a typo, not a fault to inject with a `NaN` header.
    if (retryAfter === null || retryAfterMs === null) return undefined;
    return {
      kind: 'status',
      status: Number(name),
      retryAfterSeconds: retryAfter,
      retryAfterMs,
      retryInfo: parameters.get('retry-info'),
    };
  }
  const amount = (fallback: number) => {
    const value = optionalNumber(inlineValue ?? parameters.get('ms'));
    return value === undefined ? fallback : value;
  };
  switch (name.toLowerCase()) {
    case 'reset-before-headers':
      return { kind: 'reset-before-headers' };
    case 'reset-mid-stream': {
      const after = optionalNumber(parameters.get('after') ?? inlineValue);
      return after === null ? undefined : { kind: 'reset-mid-stream', after: after ?? 1 };
    }
    case 'truncate-event':
      return { kind: 'truncate-event' };
    case 'slow-first-byte': {
      const ms = amount(1000);
      return ms === null ? undefined : { kind: 'slow-first-byte', ms };
    }
    case 'slow-chunks': {
      const ms = amount(200);
      return ms === null ? undefined : { kind: 'slow-chunks', ms };
    }
    case 'error-in-stream':
      return { kind: 'error-in-stream' };
    case '404-event-stream':
      return { kind: '404-event-stream' };
    default:
      return undefined;
  }
}

/** `undefined` when absent, `null` when not a finite non-negative number. */
function optionalNumber(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  const value = Number(text);
  return text !== '' && Number.isFinite(value) && value >= 0 ? value : null;
}
