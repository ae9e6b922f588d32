import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  GemgateError,
  InsufficientQuotaError,
  PermissionDeniedError,
  RateLimitError,
  StreamInterruptedError,
  TimeoutError,
} from './errors.js';

describe('gemgate errors', () => {
  it('identify themselves by marker, not by class identity', () => {
    const error = new RateLimitError('429 slow down', { retryAfterMs: 100 });
    expect(GemgateError.isInstance(error)).toBe(true);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(TimeoutError.isInstance(error)).toBe(false);
    // A second copy of the package defines its own classes; a marked plain object stands in for it.
    const fromOtherCopy = {
      [Symbol.for('gemgate.error')]: true,
      [Symbol.for('gemgate.error.RateLimitError')]: true,
    };
    expect(RateLimitError.isInstance(fromOtherCopy)).toBe(true);
    expect(GemgateError.isInstance(new Error('plain'))).toBe(false);
    expect(GemgateError.isInstance(undefined)).toBe(false);
  });

  it('subclasses are instances of their parents', () => {
    const error = new InsufficientQuotaError('403 no balance');
    expect(PermissionDeniedError.isInstance(error)).toBe(true);
    expect(error.name).toBe('InsufficientQuotaError');
  });

  it('serialize their own fields to JSON', () => {
    expect(
      JSON.parse(JSON.stringify(new RateLimitError('x', { retryAfterMs: 5, statusCode: 429 }))),
    ).toMatchObject({
      name: 'RateLimitError',
      statusCode: 429,
      retryAfterMs: 5,
      isRetryable: true,
    });
    const timeout = new TimeoutError('slow', { phase: 'firstByte', timeoutMs: 10 });
    expect(timeout.toJSON()).toMatchObject({ phase: 'firstByte', timeoutMs: 10, isRetryable: true });
    expect(new TimeoutError('gap', { phase: 'chunkGap', timeoutMs: 10 }).isRetryable).toBe(false);
    expect(new StreamInterruptedError('cut', { partial: [1, 2] }).toJSON()).toMatchObject({
      partialEvents: 2,
    });
    expect(new AbortedError('stop').isRetryable).toBe(false);
  });
});
