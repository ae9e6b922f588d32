import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { expirationFields, formatExpireTime, formatTtl } from './parse-ttl.js';

describe('cache lifetimes', () => {
  it('formats seconds and duration strings as a Duration', () => {
    expect(formatTtl(300)).toBe('300s');
    expect(formatTtl('300s')).toBe('300s');
    expect(formatTtl(1.5)).toBe('1.5s');
  });

  it('refuses a ttl that is not a positive duration', () => {
    for (const ttl of [0, -5, '300', '5m', Number.NaN]) {
      expect(() => formatTtl(ttl)).toThrow(InvalidArgumentError);
    }
  });

  it('formats an expireTime from a Date or an ISO string', () => {
    expect(formatExpireTime(new Date(Date.UTC(2030, 0, 1)))).toBe('2030-01-01T00:00:00.000Z');
    expect(formatExpireTime('2030-01-01T01:00:00+01:00')).toBe('2030-01-01T00:00:00.000Z');
    expect(() => formatExpireTime('tomorrow')).toThrow(/ISO-8601/);
  });

  it('refuses ttl and expireTime together', () => {
    expect(() => expirationFields({ ttl: 60, expireTime: new Date() })).toThrow(/not both/);
    expect(expirationFields({})).toEqual({});
  });
});
