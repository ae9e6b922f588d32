import { describe, expect, it } from 'vitest';
import { errorFromResponse } from './error-from-response.js';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  GemgateError,
  InsufficientQuotaError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
  UpstreamError,
} from './errors.js';

const google = (code: number, status: string, message: string, details: unknown[] = []) =>
  JSON.stringify({ error: { code, message, status, details } });

describe('errorFromResponse', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [418, UpstreamError],
  ] as const)('maps status %i to its class', (status, errorClass) => {
    const error = errorFromResponse({ status, body: google(status, 'X', 'boom') });
    expect(errorClass.isInstance(error)).toBe(true);
    expect(error.name).toBe(errorClass.name);
    expect(error.statusCode).toBe(status);
  });

  it('reads the Google envelope, its status and RetryInfo', () => {
    const error = errorFromResponse({
      status: 429,
      body: google(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded', [
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '34.4s' },
      ]),
    });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.message).toBe('429 Quota exceeded');
    expect(error.upstreamStatus).toBe('RESOURCE_EXHAUSTED');
    expect(error.code).toBe(429);
    expect((error as RateLimitError).retryAfterMs).toBe(34_400);
    expect(error.isRetryable).toBe(true);
  });

  it('reads the OpenAI envelope with type, param and code', () => {
    const error = errorFromResponse({
      status: 400,
      headers: { 'x-request-id': 'req-1' },
      body: JSON.stringify({
        error: {
          message: 'tools need tool_choice',
          type: 'invalid_request_error',
          param: 'tool_choice',
          code: null,
        },
      }),
    });
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(error.message).toBe('400 tools need tool_choice');
    expect(error.upstreamStatus).toBe('invalid_request_error');
    expect(error.param).toBe('tool_choice');
    expect(error.requestId).toBe('req-1');
    expect(error.isRetryable).toBe(false);
  });

  it('reads the flat envelope', () => {
    const error = errorFromResponse({
      status: 401,
      body: JSON.stringify({ code: 'invalid_api_key', type: 'auth', message: 'Invalid token' }),
    });
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.message).toBe('401 Invalid token');
    expect(error.code).toBe('invalid_api_key');
  });

  it("reads Google's OpenAI endpoint's JSON array of errors", () => {
    const error = errorFromResponse({
      status: 404,
      body: `[${google(404, 'NOT_FOUND', 'models/x is not found')}]`,
    });
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error.message).toBe('404 models/x is not found');
    expect(error.upstreamStatus).toBe('NOT_FOUND');
  });

  it('falls back to the status text for empty and non-JSON bodies', () => {
    const empty = errorFromResponse({ status: 502, body: '' });
    expect(ServerError.isInstance(empty)).toBe(true);
    expect(empty.message).toBe('502 Bad Gateway');
    const html = errorFromResponse({ status: 503, body: '<html>upstream down</html>' });
    expect(html.message).toBe('503 <html>upstream down</html>');
    expect(html.responseBody).toBe('<html>upstream down</html>');
    const nothing = errorFromResponse({ status: 500, body: undefined });
    expect(nothing.message).toBe('500 Internal Server Error');
  });

  it('reads an error sent as server-sent events (a stream endpoint answering 404)', () => {
    const error = errorFromResponse({
      status: 404,
      body: `data: ${google(404, 'NOT_FOUND', 'no such model')}\n\n`,
    });
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error.message).toBe('404 no such model');
  });

  it('classifies 403 insufficient_user_quota as InsufficientQuotaError, by code or message', () => {
    const byCode = errorFromResponse({
      status: 403,
      body: JSON.stringify({
        error: { message: 'no balance', type: 'aihubmix_error', code: 'insufficient_user_quota' },
      }),
    });
    expect(InsufficientQuotaError.isInstance(byCode)).toBe(true);
    expect(PermissionDeniedError.isInstance(byCode)).toBe(true);
    const byMessage = errorFromResponse({
      status: 403,
      body: JSON.stringify({ message: 'insufficient_user_quota' }),
    });
    expect(InsufficientQuotaError.isInstance(byMessage)).toBe(true);
    const other = errorFromResponse({ status: 403, body: google(403, 'PERMISSION_DENIED', 'no') });
    expect(InsufficientQuotaError.isInstance(other)).toBe(false);
  });

  it('takes the request id from x-request-id, else from the tid in the message', () => {
    const fromTid = errorFromResponse({
      status: 500,
      body: JSON.stringify({ error: { message: 'upstream failed (tid: 2025061212345678901234567)' } }),
    });
    expect(fromTid.requestId).toBe('2025061212345678901234567');
    const short = errorFromResponse({ status: 500, body: JSON.stringify({ message: 'oops tid: abc' }) });
    expect(short.requestId).toBe('abc');
    const header = errorFromResponse({
      status: 500,
      headers: { 'x-request-id': 'hdr' },
      body: '{"message":"tid: abc"}',
    });
    expect(header.requestId).toBe('hdr');
  });

  it('gives an error met inside a 200 stream the status its envelope names', () => {
    const numeric = errorFromResponse({ status: 200, body: { error: { code: 429, message: 'later' } } });
    expect(RateLimitError.isInstance(numeric)).toBe(true);
    const named = errorFromResponse({
      status: 200,
      body: { error: { message: 'x', status: 'UNAVAILABLE' } },
    });
    expect(ServerError.isInstance(named)).toBe(true);
    expect(named.statusCode).toBe(503);
  });

  it('reads an unknown status name in a 200 stream as unknown, even one named like an Object method', () => {
    for (const status of ['constructor', 'toString', 'SOMETHING_NEW']) {
      const error = errorFromResponse({ status: 200, body: { error: { message: 'odd', status } } });
      expect(UpstreamError.isInstance(error)).toBe(true);
      expect(error.statusCode).toBe(200);
      expect(error.message).toBe('200 odd');
    }
  });

  it('obeys x-should-retry over the status rule', () => {
    expect(
      errorFromResponse({ status: 400, headers: { 'x-should-retry': 'true' }, body: '' }).isRetryable,
    ).toBe(true);
    expect(
      errorFromResponse({ status: 503, headers: { 'x-should-retry': 'false' }, body: '' }).isRetryable,
    ).toBe(false);
    expect(errorFromResponse({ status: 408, body: '' }).isRetryable).toBe(true);
    expect(errorFromResponse({ status: 409, body: '' }).isRetryable).toBe(true);
  });

  it('scrubs secrets from the message, toString, JSON form and kept body', () => {
    const key = 'sk-live-abcdefghijklmnop';
    const error = errorFromResponse({
      status: 401,
      body: JSON.stringify({ error: { message: `Invalid key ${key}`, details: [{ key }] } }),
      secrets: [key],
    });
    for (const text of [
      error.message,
      String(error),
      JSON.stringify(error),
      JSON.stringify(error.responseBody),
    ]) {
      expect(text).not.toContain(key);
    }
    expect(error.message).toBe('401 Invalid key ***');
  });

  it('never throws, whatever the body', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const weird = [cyclic, 42, null, [], { error: 7 }, { error: { message: 5 } }, Symbol('x')];
    for (const body of weird) {
      const error = errorFromResponse({ status: 500, body });
      expect(GemgateError.isInstance(error)).toBe(true);
    }
  });
});
