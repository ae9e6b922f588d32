import { describe, expect, it } from 'vitest';
import { parseRetryDelay } from './parse-retry-delay.js';

const retryInfo = (retryDelay: unknown) => ({
  error: {
    code: 429,
    status: 'RESOURCE_EXHAUSTED',
    details: [
      { '@type': 'type.googleapis.com/google.rpc.QuotaFailure' },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
    ],
  },
});

describe('parseRetryDelay', () => {
  it('reads retry-after-ms first', () => {
    expect(parseRetryDelay({ headers: { 'retry-after-ms': '50', 'retry-after': '9' } })).toBe(50);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryDelay({ headers: { 'retry-after': '2' } })).toBe(2000);
    expect(parseRetryDelay({ headers: { 'retry-after': '0.5' } })).toBe(500);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryDelay({ headers: { 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }, now })).toBe(3000);
    expect(parseRetryDelay({ headers: { 'retry-after': 'Tue, 31 Dec 2024 00:00:00 GMT' }, now })).toBe(0);
  });

  it("reads Google's RetryInfo.retryDelay from the body, as text or object, in an array too", () => {
    expect(parseRetryDelay({ body: retryInfo('34.4s') })).toBe(34_400);
    expect(parseRetryDelay({ body: retryInfo({ seconds: 1, nanos: 500_000_000 }) })).toBe(1500);
    expect(parseRetryDelay({ body: [retryInfo('2s')] })).toBe(2000);
  });

  it('answers undefined when nothing usable is given', () => {
    expect(parseRetryDelay({ headers: { 'retry-after': 'soon' } })).toBeUndefined();
    // Neither seconds (negative) nor a date, though V8's Date.parse would call it 2001.
    expect(parseRetryDelay({ headers: { 'retry-after': '-1' } })).toBeUndefined();
    expect(parseRetryDelay({ body: retryInfo('later') })).toBeUndefined();
    expect(parseRetryDelay({ body: 'not json' })).toBeUndefined();
    expect(parseRetryDelay({})).toBeUndefined();
  });
});
