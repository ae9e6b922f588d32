import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sleep, startTestServer } from '../test/server.js';
import { createTransport } from './create-transport.js';
import { GemgateError } from './errors.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await startTestServer();
  let count = 0;
  // Faults rotate with a global counter, so a retry usually meets a different fate.
  server.handle(async (request, response) => {
    const fault = count++ % 9;
    const streaming = request.url!.includes('stream');
    if (fault === 0) {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end('{"error":{"code":500,"message":"boom","status":"INTERNAL"}}');
    } else if (fault === 1) {
      response.socket?.destroy();
    } else if (fault === 2) {
      await sleep(30);
      if (!response.destroyed) response.end(streaming ? 'data: {"slow":true}\n\n' : '{"slow":true}');
    } else if (fault === 3 && streaming) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"n":1}\n\ndata: {"n"');
      setTimeout(() => response.socket?.destroy(), 5);
    } else if (fault === 5 && streaming) {
      // One event, then silence until the client gives up: however slow the machine, only the
      // chunk-gap timeout ends this answer.
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"n":1}\n\n');
    } else if (fault === 4) {
      response.writeHead(429, { 'retry-after-ms': '2', 'content-type': 'application/json' });
      response.end('{"error":{"message":"slow down"}}');
    } else {
      response.writeHead(200, { 'content-type': streaming ? 'text/event-stream' : 'application/json' });
      response.end(streaming ? 'data: {"n":1}\n\ndata: {"n":2}\n\n' : '{"ok":true}');
    }
  });
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server.close();
});

const tcpHandles = () => process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap').length;

describe('soak', () => {
  it('1,000 requests with injected faults leave no open socket and no unhandled rejection', async () => {
    const handlesBefore = tcpHandles();
    const transport = createTransport({
      baseURL: server.url,
      auth: 'bearer',
      apiKey: 'sk-soak-test-key-0000',
      env: {},
      backoff: { initialDelay: 1, maxDelay: 4 },
      // Short enough that the precise first-byte and chunk-gap timers run on every call.
      timeout: { total: 5000, firstByte: 1000, chunkGap: 60 },
    });
    const outcomes = { ok: 0, failed: 0, aborted: 0, brokeEarly: 0, unread: 0, chunkGap: 0 };
    const one = async (index: number) => {
      const streaming = index % 3 === 0;
      const controller = new AbortController();
      if (index % 25 === 0) setTimeout(() => controller.abort(), 2);
      try {
        const response = await transport.request({
          method: 'POST',
          path: streaming ? 'stream' : 'json',
          body: { index },
          stream: streaming ? 'sse' : false,
          signal: controller.signal,
        });
        if (response.kind === 'stream' && index % 15 === 3) {
          // Given up on unread.
          outcomes.unread++;
          await response.events[Symbol.asyncIterator]().return?.();
        } else if (response.kind === 'stream') {
          for await (const _ of response.events) {
            if (index % 6 === 0) {
              outcomes.brokeEarly++;
              break;
            }
          }
        }
        outcomes.ok++;
      } catch (error) {
        expect(GemgateError.isInstance(error)).toBe(true);
        if ((error as GemgateError).name === 'AbortedError') outcomes.aborted++;
        else if ((error as { phase?: unknown }).phase === 'chunkGap') outcomes.chunkGap++;
        else outcomes.failed++;
      }
    };
    const queue = Array.from({ length: 1000 }, (_, index) => index);
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let index = queue.shift(); index !== undefined; index = queue.shift()) await one(index);
      }),
    );
    expect(outcomes.ok + outcomes.failed + outcomes.aborted + outcomes.chunkGap).toBe(1000);
    expect(outcomes.ok).toBeGreaterThan(700);
    expect(outcomes.failed).toBeGreaterThan(0);
    expect(outcomes.brokeEarly).toBeGreaterThan(0);
    expect(outcomes.unread).toBeGreaterThan(0);
    expect(outcomes.chunkGap).toBeGreaterThan(0);

    await transport.close();
    await server.waitForNoSockets();
    // The client side closes its own handles a few ticks after the server's.
    await vi.waitFor(() => expect(tcpHandles()).toBe(handlesBefore), { timeout: 10_000, interval: 10 });
    expect(unhandled).toEqual([]);
  });
});
