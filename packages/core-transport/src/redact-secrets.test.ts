import { describe, expect, it } from 'vitest';
import { redactSecrets, redactValue } from './redact-secrets.js';

describe('redactSecrets', () => {
  it('replaces every occurrence of a named secret', () => {
    expect(redactSecrets('a my-long-secret b my-long-secret', ['my-long-secret'])).toBe('a *** b ***');
  });

  it('replaces key-shaped strings even when not named', () => {
    expect(redactSecrets('Invalid key sk-AbCdEf0123456789 (tid: 1)')).toBe('Invalid key *** (tid: 1)');
    expect(redactSecrets('key=AIzaSyA1234567890abcdefghijkl')).toBe('key=***');
  });

  it('ignores secrets too short to search for safely', () => {
    expect(redactSecrets('abc abc', ['abc'])).toBe('abc abc');
  });

  it('redacts inside nested JSON values without changing the input', () => {
    const body = { error: { message: 'bad sk-secret-value-1', details: ['sk-secret-value-1'] } };
    expect(redactValue(body, ['sk-secret-value-1'])).toEqual({
      error: { message: 'bad ***', details: ['***'] },
    });
    expect(body.error.message).toBe('bad sk-secret-value-1');
  });
});
