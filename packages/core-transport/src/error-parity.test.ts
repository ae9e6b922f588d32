import { describe, expect, it } from 'vitest';
import { useTestTransports } from '../test/server.js';
import { errorFromResponse } from './error-from-response.js';
import {
  InsufficientQuotaError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UpstreamError,
} from './errors.js';

const { server, transport } = useTestTransports({
  defaults: {
    auth: 'bearer',
    apiKey: 'sk-parity-test-key-0000',
    env: {},
    backoff: { initialDelay: 1, maxDelay: 5 },
  },
});

const generate = { method: 'POST', path: 'chat/completions', body: {} } as const;

describe('errors carry status, headers and the upstream error, as the official clients do', () => {
  it('a 429 from the wire', async () => {
    const key = 'sk-parity-test-key-0000';
    const googleError = { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' };
    server.handle((_request, response) => {
      response.writeHead(429, {
        'content-type': 'application/json',
        'x-request-id': 'req-429',
        'retry-after': '120',
        // An upstream that echoes the key in a header: it must not reach the error.
        'x-echo': `Bearer ${key}`,
      });
      response.end(JSON.stringify({ error: googleError }));
    });
    const error = await transport({ maxRetries: 0 })
      .request(generate)
      .catch((caught: unknown) => caught);
    expect(RateLimitError.isInstance(error)).toBe(true);
    const rateLimit = error as RateLimitError;
    expect(rateLimit.status).toBe(429);
    expect(rateLimit.statusCode).toBe(429);
    expect(rateLimit.headers).toMatchObject({ 'x-request-id': 'req-429', 'retry-after': '120' });
    expect(rateLimit.headers?.['x-echo']).toBe('Bearer ***');
    expect(rateLimit.error).toEqual(googleError);
    expect(JSON.stringify(rateLimit)).toContain('"status":429');
    expect(JSON.stringify(rateLimit)).not.toContain(key);
  });

  it('each shape of error body gives its error object', () => {
    const openAIError = {
      message: 'No such model',
      type: 'invalid_request_error',
      param: 'model',
      code: null,
    };
    const openAI = errorFromResponse({
      status: 404,
      headers: {},
      body: JSON.stringify({ error: openAIError }),
    });
    expect(NotFoundError.isInstance(openAI) && openAI.error).toEqual(openAIError);
    const flat = { code: 'busy', type: 'server_error', message: 'try later' };
    expect(errorFromResponse({ status: 503, body: JSON.stringify(flat) }).error).toEqual(flat);
    const array = [{ error: { code: 400, message: 'bad', status: 'INVALID_ARGUMENT' } }];
    expect(errorFromResponse({ status: 400, body: JSON.stringify(array) }).error).toEqual(array[0]!.error);
    const text = errorFromResponse({ status: 502, body: '<html>bad gateway</html>' });
    expect(text.error).toBeUndefined();
    expect(text.status).toBe(502);
    expect(text.headers).toEqual({});
  });
});

describe('a 200-wrapped insufficient_user_quota', () => {
  it('is an InsufficientQuotaError (403), not an UpstreamError with status 200, and is not retried', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: {
            message: 'user quota is not enough',
            type: 'insufficient_user_quota',
            code: 'insufficient_user_quota',
          },
        }),
      );
    });
    const error = await transport({ maxRetries: 2 })
      .request(generate)
      .catch((caught: unknown) => caught);
    expect(InsufficientQuotaError.isInstance(error)).toBe(true);
    expect(PermissionDeniedError.isInstance(error)).toBe(true);
    expect(UpstreamError.isInstance(error)).toBe(false);
    expect((error as InsufficientQuotaError).status).toBe(403);
    expect(server.requests).toHaveLength(1);
  });
});

describe('a key passed by mistake as the model id', () => {
  it('is scrubbed from error messages and debug lines, in the path and percent-encoded', async () => {
    // Not shaped like an sk-/AIza key, and changed by percent-encoding: only the configured
    // key, in each of its forms, can find it.
    const key = 'corp+key/with=chars-0123456789';
    const lines: string[] = [];
    const logger = {
      debug: (message: string, fields?: Record<string, unknown>) =>
        lines.push(message + JSON.stringify(fields)),
      warn: (message: string, fields?: Record<string, unknown>) =>
        lines.push(message + JSON.stringify(fields)),
    };
    server.handle((request, response) => {
      response.writeHead(404, { 'content-type': 'application/json' });
      // An upstream that quotes the model it was asked for, as it arrived and encoded.
      const model = decodeURIComponent(request.url!.split('/models/')[1]!.split(':')[0]!);
      response.end(
        JSON.stringify({
          error: { code: 404, message: `models/${model} (${encodeURIComponent(model)}) is not found` },
        }),
      );
    });
    const error = await transport({ apiKey: key, logger, maxRetries: 0 })
      .request({ ...generate, path: `v1beta/models/${encodeURIComponent(key)}:generateContent` })
      .catch((caught: unknown) => caught);
    expect(NotFoundError.isInstance(error)).toBe(true);
    const shown = `${(error as Error).message} ${JSON.stringify(error)} ${lines.join(' ')}`;
    expect(lines.length).toBeGreaterThan(0);
    expect(shown).not.toContain(key);
    expect(shown).not.toContain(encodeURIComponent(key));
    expect((error as Error).message).toContain('is not found');
  });
});
