import http from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/server.js';
import { createTransport } from './create-transport.js';
import { ConnectionError } from './errors.js';

/**
 * A forward proxy for the test: undici tunnels through it with CONNECT; it records the
 * authority asked for and connects every tunnel to the local target server.
 */
let proxy: http.Server;
const tunnels: string[] = [];
let proxyURL: string;
let target: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  target = await startTestServer();
  target.handle((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ host: request.headers.host, url: request.url }));
  });
  const targetPort = Number(new URL(target.url).port);
  proxy = http.createServer((_request, response) => response.writeHead(405).end());
  proxy.on('connect', (request, clientSocket, head) => {
    tunnels.push(request.url!);
    const upstream = connect(targetPort, '127.0.0.1', () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyURL = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await target.close();
});

describe('proxies from the environment', () => {
  it('sends requests through HTTP_PROXY', async () => {
    const transport = createTransport({
      baseURL: 'http://gateway.invalid/v1',
      auth: 'none',
      env: { HTTP_PROXY: proxyURL },
    });
    const response = await transport.request({ method: 'GET', path: 'models' });
    expect(tunnels).toEqual(['gateway.invalid:80']);
    expect(response.kind === 'json' && response.body).toEqual({ host: 'gateway.invalid', url: '/v1/models' });
    await transport.close();
  });

  it('tunnels an https base URL through HTTPS_PROXY', async () => {
    const transport = createTransport({
      baseURL: 'https://gateway.invalid/gemini',
      auth: 'none',
      env: { HTTPS_PROXY: proxyURL },
      maxRetries: 0,
    });
    tunnels.length = 0;
    // The test proxy ends every tunnel at a plain-HTTP server, so TLS fails after the tunnel:
    // the CONNECT it recorded is the proof, and the failure must still be a typed error.
    const error = await transport
      .request({ method: 'GET', path: 'models' })
      .catch((caught: unknown) => caught);
    expect(tunnels).toEqual(['gateway.invalid:443']);
    expect(ConnectionError.isInstance(error)).toBe(true);
    await transport.close();
  });

  it('goes direct for hosts in NO_PROXY', async () => {
    const transport = createTransport({
      baseURL: target.url,
      auth: 'none',
      env: { HTTP_PROXY: proxyURL, NO_PROXY: '127.0.0.1' },
    });
    tunnels.length = 0;
    const response = await transport.request({ method: 'GET', path: 'models' });
    expect(tunnels).toEqual([]);
    expect(response.kind === 'json' && response.body).toMatchObject({ url: '/models' });
    await transport.close();
  });

  it('goes direct without a proxy variable', async () => {
    const transport = createTransport({ baseURL: target.url, auth: 'none', env: {} });
    tunnels.length = 0;
    const response = await transport.request({ method: 'GET', path: 'models' });
    expect(tunnels).toEqual([]);
    expect(response.kind === 'json' && response.body).toMatchObject({ url: '/models' });
    await transport.close();
  });
});
