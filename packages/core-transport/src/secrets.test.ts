import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/server.js';
import { createTransport } from './create-transport.js';
import { GemgateError } from './errors.js';

/** The server below echoes whatever key it received into every kind of answer. */
const key = 'sk-LEAKY-0123456789abcdefXYZ';
const fragment = key.slice(0, 8);
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
  server.handle((request, response) => {
    const received = String(request.headers.authorization ?? request.headers['x-goog-api-key'] ?? '');
    const echoed = received.replace(/^Bearer /, '');
    const mode = request.url!.split('?')[0]!.split('/').pop();
    if (mode === 'google') {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: {
            code: 401,
            message: `API key ${echoed} not valid`,
            status: 'UNAUTHENTICATED',
            details: [{ key: echoed }],
          },
        }),
      );
    } else if (mode === 'openai') {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': '1' });
      response.end(
        JSON.stringify({
          error: { message: `Rate limited for ${echoed}`, type: 'rate_limit', param: echoed, code: echoed },
        }),
      );
    } else if (mode === 'text') {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`Internal error for key=${echoed}`);
    } else if (mode === 'not-json') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<p>${echoed}</p>`);
    } else if (mode === 'bad-event') {
      // JSON.parse quotes the text near where it failed: right at the key.
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(`data: {"n":1}\n\ndata: {"k":${echoed}}\n\n`);
    } else if (mode === 'bad-array') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`[{"n":1},{"k":${echoed}}]`);
    } else {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(`data: {"n":1}\n\ndata: {"error":{"code":403,"message":"key ${echoed} is blocked"}}\n\n`);
    }
  });
});
afterAll(async () => {
  await server.close();
});

const expectedName: Record<string, string> = {
  google: 'AuthenticationError',
  openai: 'RateLimitError',
  text: 'ServerError',
  'not-json': 'ResponseValidationError',
  'bad-event': 'ResponseValidationError',
  'bad-array': 'ResponseValidationError',
  stream: 'PermissionDeniedError',
};

describe('the API key never leaks', () => {
  it.each(['google', 'openai', 'text', 'not-json', 'bad-event', 'bad-array', 'stream'])(
    'from a %s answer that echoes it',
    async (mode) => {
      const lines: string[] = [];
      const logger = {
        debug: (message: string, fields?: Record<string, unknown>) =>
          lines.push(message + JSON.stringify(fields)),
        warn: (message: string, fields?: Record<string, unknown>) =>
          lines.push(message + JSON.stringify(fields)),
      };
      for (const auth of ['bearer', 'goog-api-key'] as const) {
        const transport = createTransport({
          baseURL: server.url,
          auth,
          apiKey: key,
          logger,
          env: {},
          backoff: { initialDelay: 1 },
        });
        let caught: unknown;
        try {
          const response = await transport.request({
            method: 'POST',
            path: `/leak/${mode}?key=${key}`,
            body: {},
            stream:
              mode === 'bad-array' ? 'json-array' : mode === 'stream' || mode === 'bad-event' ? 'sse' : false,
          });
          if (response.kind === 'stream') for await (const _ of response.events);
        } catch (error) {
          caught = error;
        }
        await transport.close();
        expect(GemgateError.isInstance(caught)).toBe(true);
        const error = caught as GemgateError;
        const surfaces = [
          error.message,
          String(error),
          error.stack ?? '',
          JSON.stringify(error),
          JSON.stringify(error.responseBody ?? null),
          String(error.code),
          String(error.param),
          // What console.error or a logger prints: the cause chain included.
          inspect(error, { depth: 10 }),
        ];
        for (const surface of surfaces) {
          expect(surface).not.toContain(key);
          // Nor a piece of it (JSON.parse quotes ten characters of the text it failed on).
          expect(surface).not.toContain(fragment);
        }
        if (mode !== 'bad-array') expect(error.message).toContain('***');
        expect(error.name).toBe(expectedName[mode]);
      }
      // The server really did receive (and echo) the key: the test would catch a leak.
      expect(server.requests.at(-1)?.headers['x-goog-api-key']).toBe(key);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).not.toContain(key);
    },
  );
});
