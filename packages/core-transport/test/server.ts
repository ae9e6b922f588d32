import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createTransport } from '../src/create-transport.js';
import type { Transport, TransportOptions } from '../src/transport-types.js';

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse, body: string) => void;

/** Test helper: a real local HTTP server whose handler each test sets, counting requests and sockets. */
export async function startTestServer() {
  let handler: Handler = (_request, response) => response.end('{}');
  const sockets = new Set<Socket>();
  const requests: Array<{
    method: string;
    url: string;
    headers: http.IncomingHttpHeaders;
    body: string;
    /** The client-side port of the connection the request came on: equal ports, same socket. */
    remotePort: number | undefined;
  }> = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      requests.push({
        method: request.method!,
        url: request.url!,
        headers: request.headers,
        body,
        remotePort: request.socket.remotePort,
      });
      handler(request, response, body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sockets,
    handle(next: Handler) {
      handler = next;
    },
    /** Resolves once the server has no open connection left (or rejects after `timeoutMs`). */
    async waitForNoSockets(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (sockets.size > 0) {
        if (Date.now() > deadline) throw new Error(`${sockets.size} sockets still open`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes `text` one byte at a time, each write on its own tick, then ends (or not). */
export async function writeByteByByte(response: http.ServerResponse, text: string, { end = true } = {}) {
  const bytes = Buffer.from(text);
  for (let index = 0; index < bytes.length; index++) {
    response.write(bytes.subarray(index, index + 1));
    if (index % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (end) response.end();
}

export const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * One test server for the file, and a `transport(options)` factory pointed at it with the file's
 * `defaults`; transports are closed and the recorded requests forgotten after each test.
 */
export function useTestTransports({ defaults }: { defaults: Omit<TransportOptions, 'baseURL'> }) {
  let started: TestServer | undefined;
  const transports: Transport[] = [];
  beforeAll(async () => {
    started = await startTestServer();
  });
  afterEach(async () => {
    await Promise.all(transports.splice(0).map((transport) => transport.close()));
    if (started) started.requests.length = 0;
  });
  afterAll(async () => {
    await started?.close();
  });
  const server = {
    get url() {
      return started!.url;
    },
    get requests() {
      return started!.requests;
    },
    handle: (handler: Handler) => started!.handle(handler),
    waitForNoSockets: (timeoutMs?: number) => started!.waitForNoSockets(timeoutMs),
  };
  const transport = (options: Partial<TransportOptions> = {}): Transport => {
    const created = createTransport({ ...defaults, baseURL: started!.url, ...options });
    transports.push(created);
    return created;
  };
  return { server, transport };
}
