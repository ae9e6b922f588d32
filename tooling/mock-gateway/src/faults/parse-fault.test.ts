import { describe, expect, it } from 'vitest';
import { parseFault } from './parse-fault.js';

describe('parseFault', () => {
  it.each([
    [
      '429',
      {
        kind: 'status',
        status: 429,
        retryAfterSeconds: undefined,
        retryAfterMs: undefined,
        retryInfo: undefined,
      },
    ],
    [
      '429; retry-after=2',
      { kind: 'status', status: 429, retryAfterSeconds: 2, retryAfterMs: undefined, retryInfo: undefined },
    ],
    [
      '429; retry-after-ms=50',
      { kind: 'status', status: 429, retryAfterSeconds: undefined, retryAfterMs: 50, retryInfo: undefined },
    ],
    [
      '429; retry-info=1.5s',
      {
        kind: 'status',
        status: 429,
        retryAfterSeconds: undefined,
        retryAfterMs: undefined,
        retryInfo: '1.5s',
      },
    ],
    [
      '503',
      {
        kind: 'status',
        status: 503,
        retryAfterSeconds: undefined,
        retryAfterMs: undefined,
        retryInfo: undefined,
      },
    ],
    ['reset-before-headers', { kind: 'reset-before-headers' }],
    ['reset-mid-stream; after=3', { kind: 'reset-mid-stream', after: 3 }],
    ['reset-mid-stream', { kind: 'reset-mid-stream', after: 1 }],
    ['truncate-event', { kind: 'truncate-event' }],
    ['slow-first-byte=300', { kind: 'slow-first-byte', ms: 300 }],
    ['slow-chunks=200', { kind: 'slow-chunks', ms: 200 }],
    ['error-in-stream', { kind: 'error-in-stream' }],
    ['404-event-stream', { kind: '404-event-stream' }],
  ])('%s', (spec, expected) => {
    expect(parseFault(spec)).toEqual(expected);
  });

  it('answers undefined for an unknown fault', () => {
    expect(parseFault('explode')).toBeUndefined();
  });

  it.each([
    '429; retry-after=soon',
    '429; retry-after-ms=-5',
    'slow-first-byte=abc',
    'slow-chunks=',
    'reset-mid-stream; after=x',
    '099',
    '200',
  ])('answers undefined for %s rather than a fault with NaN or an invalid status', (spec) => {
    expect(parseFault(spec)).toBeUndefined();
  });

  it('takes reset-mid-stream=N inline as well', () => {
    expect(parseFault('reset-mid-stream=2')).toEqual({ kind: 'reset-mid-stream', after: 2 });
  });
});
