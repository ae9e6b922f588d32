import { describe, expect, it } from 'vitest';
import { startTestServer } from '../test/server.js';
import { createTransport } from './create-transport.js';
import { GemgateError } from './errors.js';

describe('the transport loads its own agent with the first call', () => {
  it('answers the first call and closes the agent it loaded', async () => {
    const server = await startTestServer();
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
    const transport = createTransport({ baseURL: server.url, auth: 'none', env: {} });
    const response = await transport.request({ method: 'GET', path: 'ping' });
    expect(response.kind === 'json' && response.body).toEqual({ ok: true });
    await transport.close();
    await server.close();
  });

  it('refuses a call made after close() instead of opening an agent nothing will close', async () => {
    const server = await startTestServer();
    server.handle((_request, response) => response.end('{}'));
    const transport = createTransport({ baseURL: server.url, auth: 'none', env: {}, maxRetries: 0 });
    await transport.close();
    const failure = await transport.request({ method: 'GET', path: 'ping' }).catch((error: unknown) => error);
    expect(GemgateError.isInstance(failure)).toBe(true);
    await server.close();
  });
});
