import { describe, expect, it } from 'vitest';
import { AuthenticationError, InvalidArgumentError } from './errors.js';
import { resolveApiKey, resolveAppCode, resolveBaseURL } from './resolve-config.js';

describe('resolveBaseURL', () => {
  it('defaults to the gateway per route', () => {
    expect(resolveBaseURL({ route: 'native', env: {} })).toBe('https://aihubmix.com/gemini');
    expect(resolveBaseURL({ route: 'openai', env: {} })).toBe('https://aihubmix.com/v1');
  });

  it('completes a bare host with the route path, with or without trailing slashes', () => {
    expect(resolveBaseURL({ baseURL: 'https://aihubmix.com', route: 'native', env: {} })).toBe(
      'https://aihubmix.com/gemini',
    );
    expect(resolveBaseURL({ baseURL: 'https://api.aihubmix.com///', route: 'openai', env: {} })).toBe(
      'https://api.aihubmix.com/v1',
    );
    expect(resolveBaseURL({ baseURL: 'aihubmix.com', route: 'openai', env: {} })).toBe(
      'https://aihubmix.com/v1',
    );
  });

  it('keeps an explicit path and strips its trailing slashes', () => {
    expect(resolveBaseURL({ baseURL: 'https://aihubmix.com/gemini/', route: 'native', env: {} })).toBe(
      'https://aihubmix.com/gemini',
    );
    expect(resolveBaseURL({ baseURL: 'http://127.0.0.1:8080/v1', route: 'openai', env: {} })).toBe(
      'http://127.0.0.1:8080/v1',
    );
  });

  it('falls back to AIHUBMIX_BASE_URL, host or URL', () => {
    expect(resolveBaseURL({ route: 'native', env: { AIHUBMIX_BASE_URL: 'https://api.aihubmix.com' } })).toBe(
      'https://api.aihubmix.com/gemini',
    );
    expect(
      resolveBaseURL({ route: 'openai', env: { AIHUBMIX_BASE_URL: 'http://localhost:9000/custom/' } }),
    ).toBe('http://localhost:9000/custom');
    expect(
      resolveBaseURL({
        baseURL: 'https://x.test',
        route: 'openai',
        env: { AIHUBMIX_BASE_URL: 'https://y.test' },
      }),
    ).toBe('https://x.test/v1');
  });

  it('rejects something that is not a URL with an InvalidArgumentError naming baseURL', () => {
    let caught: unknown;
    try {
      resolveBaseURL({ baseURL: 'http://exa mple.com', route: 'native', env: {} });
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect((caught as InvalidArgumentError).argument).toBe('baseURL');
  });
});

describe('resolveApiKey', () => {
  it('prefers the option, then AIHUBMIX_API_KEY', () => {
    expect(resolveApiKey({ apiKey: 'sk-option', env: { AIHUBMIX_API_KEY: 'sk-env' } })).toBe('sk-option');
    expect(resolveApiKey({ env: { AIHUBMIX_API_KEY: 'sk-env' } })).toBe('sk-env');
  });

  it('throws an AuthenticationError that says what to do when no key is set', () => {
    expect(() => resolveApiKey({ env: {} })).toThrow(/pass `apiKey` or set the AIHUBMIX_API_KEY/);
    try {
      resolveApiKey({ apiKey: '  ', env: {} });
    } catch (error) {
      expect(AuthenticationError.isInstance(error)).toBe(true);
    }
    expect.assertions(2);
  });
});

describe('resolveAppCode', () => {
  it('reads the option, then AIHUBMIX_APP_CODE, else none', () => {
    expect(resolveAppCode({ appCode: 'A1', env: { AIHUBMIX_APP_CODE: 'B2' } })).toBe('A1');
    expect(resolveAppCode({ env: { AIHUBMIX_APP_CODE: 'B2' } })).toBe('B2');
    expect(resolveAppCode({ env: {} })).toBeUndefined();
  });
});
