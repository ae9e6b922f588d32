import type http from 'node:http';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sleep, startTestServer, writeByteByByte } from '../test/server.js';
import { createTransport } from './create-transport.js';
import {
  AbortedError,
  NotFoundError,
  RateLimitError,
  StreamInterruptedError,
  TimeoutError,
} from './errors.js';
import type { StreamFormat, Transport, TransportOptions } from './transport-types.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const transports: Transport[] = [];

beforeAll(async () => {
  server = await startTestServer();
  // undici starts its own coarse timer with its first connection and keeps that timer object for
  // good: one call on the real clock here, so the fake clock of a test below never captures it.
  const warm = createTransport({ baseURL: server.url, auth: 'none', env: {} });
  await warm.request({ method: 'GET', path: 'warm' });
  await warm.close();
  await server.waitForNoSockets();
  server.requests.length = 0;
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(transports.splice(0).map((transport) => transport.close()));
  server.requests.length = 0;
});
afterAll(async () => {
  await server.close();
});

function transport(options: Partial<TransportOptions> = {}) {
  const created = createTransport({
    baseURL: server.url,
    auth: 'bearer',
    apiKey: 'sk-stream-test-key-000',
    env: {},
    backoff: { initialDelay: 1, maxDelay: 5 },
    ...options,
  });
  transports.push(created);
  return created;
}

async function stream(format: StreamFormat, options: Partial<TransportOptions> = {}, signal?: AbortSignal) {
  const response = await transport(options).request({
    method: 'POST',
    path: 'stream',
    body: {},
    stream: format,
    signal,
  });
  if (response.kind !== 'stream') throw new Error('expected a stream');
  return response;
}

async function drain(events: AsyncIterable<unknown>) {
  const seen: unknown[] = [];
  let error: unknown;
  try {
    for await (const event of events) seen.push(event);
  } catch (caught) {
    error = caught;
  }
  return { seen, error };
}

const sseHeaders = { 'content-type': 'text/event-stream', 'x-request-id': 'stream-1' };

/**
 * The transport's own timers (precise first-byte, chunk gap, total) on a fake clock: time moves
 * only when a test advances it, so a timeout is shown to fire at its exact millisecond and not
 * before, whatever the load on the machine, while the sockets stay real.
 */
function useFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
}

/** Follows a promise so a test can look at whether it has settled yet, without awaiting it. */
function track<T>(promise: Promise<T>) {
  const tracked = { settled: false, outcome: promise.catch((caught: unknown) => caught) };
  void tracked.outcome.then(() => {
    tracked.settled = true;
  });
  return tracked;
}

/** Lets real I/O run (polling on `setImmediate`, which the fake clock leaves alone) until `condition` holds. */
async function untilIo(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('streams over a real socket', () => {
  it('decodes native SSE sent one byte at a time with CRLF', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      void writeByteByByte(response, 'data: {"n":1,"t":"é世"}\r\n\r\ndata: {"n":2}\r\n\r\n');
    });
    const response = await stream('sse');
    expect(response.requestId).toBe('stream-1');
    expect(await drain(response.events)).toEqual({ seen: [{ n: 1, t: 'é世' }, { n: 2 }], error: undefined });
  });

  it('stops at [DONE] on the OpenAI route', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.end('data: {"n":1}\n\ndata: [DONE]\n\ndata: {"n":"after"}\n\n');
    });
    expect((await drain((await stream('sse')).events)).seen).toEqual([{ n: 1 }]);
  });

  it('ends the loop at [DONE] or the closing ] even when the upstream keeps the body open', async () => {
    server.handle((request, response) => {
      // Only the total timeout ends this body, and the fake clock holds that timer until the loops are over.
      if (request.url!.endsWith('array')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('[{"n":1}]');
      } else {
        response.writeHead(200, sseHeaders);
        response.write('data: {"n":1}\n\ndata: [DONE]\n\n');
      }
      // Never ends: only the transport's timeouts end this body.
    });
    useFakeClock();
    const sse = await stream('sse', { timeout: { total: 400 } });
    expect(await drain(sse.events)).toEqual({ seen: [{ n: 1 }], error: undefined });
    const array = await transport({ timeout: { total: 400 } }).request({
      method: 'POST',
      path: 'array',
      body: {},
      stream: 'json-array',
    });
    expect(await drain((array as { events: AsyncIterable<unknown> }).events)).toEqual({
      seen: [{ n: 1 }],
      error: undefined,
    });
    // Both loops ended with no time passing, so without waiting for the body; a loop that waited
    // would hang here. The total timeout then ends the drains behind them.
    await vi.advanceTimersByTimeAsync(400);
    vi.useRealTimers();
    await server.waitForNoSockets();
  });

  it('reuses the socket after [DONE] when the body ends normally', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.write('data: {"n":1}\n\ndata: [DONE]\n\n');
      setTimeout(() => response.end(), 20);
    });
    const pool = new Agent();
    const shared = transport({ dispatcher: pool });
    // The one connection is back in the pool, free for the next call.
    const idle = () => {
      const stats = Object.values(pool.stats)[0] as { running: number; free?: number } | undefined;
      return stats?.running === 0 && stats.free === 1;
    };
    for (let call = 0; call < 3; call++) {
      const response = await shared.request({ method: 'POST', path: 'stream', body: {}, stream: 'sse' });
      expect(await drain((response as { events: AsyncIterable<unknown> }).events)).toEqual({
        seen: [{ n: 1 }],
        error: undefined,
      });
      // The server ends the body 20 ms after [DONE]; the drain behind the loop then hands
      // the socket back to the pool (a destroyed socket would show as a new connection).
      await untilIo(idle);
      expect(server.sockets.size).toBe(1);
    }
    await pool.close();
    expect(server.requests).toHaveLength(3);
    // All three came on one connection. (Counting accepted connections instead would also count
    // a late socket of an earlier test in this file, which made this test flaky under load.)
    expect(new Set(server.requests.map((request) => request.remotePort)).size).toBe(1);
  });

  it('decodes a JSON-array stream split into single bytes', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      void writeByteByByte(response, '[{"text":"a]"}\n,\r\n{"text":"b\\""}]');
    });
    expect(await drain((await stream('json-array')).events)).toEqual({
      seen: [{ text: 'a]' }, { text: 'b"' }],
      error: undefined,
    });
  });

  it('raises StreamInterruptedError with the partial events when the connection is cut mid-event', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.write('data: {"n":1}\n\ndata: {"n":');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const { seen, error } = await drain((await stream('sse')).events);
    expect(seen).toEqual([{ n: 1 }]);
    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    expect((error as StreamInterruptedError).partial).toEqual([{ n: 1 }]);
    // The answer it belongs to, as on every other error.
    expect((error as StreamInterruptedError).status).toBe(200);
    expect((error as StreamInterruptedError).headers?.['content-type']).toMatch(/text\/event-stream/);
    expect((error as StreamInterruptedError).receivedEvents).toBe(1);
    // Never retried once the first byte was delivered.
    expect(server.requests).toHaveLength(1);
  });

  it('raises StreamInterruptedError when the body ends cleanly in the middle of an event', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.end('data: {"n":1}\r\n\r\ndata: {"n":2}');
    });
    const { seen, error } = await drain((await stream('sse')).events);
    expect(seen).toEqual([{ n: 1 }]);
    expect((error as StreamInterruptedError).partial).toEqual([{ n: 1 }]);
  });

  it('turns an error event inside a 200 stream into the typed error', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.end(
        'data: {"n":1}\n\ndata: {"error":{"code":429,"message":"quota","status":"RESOURCE_EXHAUSTED"}}\n\n',
      );
    });
    const { seen, error } = await drain((await stream('sse')).events);
    expect(seen).toEqual([{ n: 1 }]);
    expect(RateLimitError.isInstance(error)).toBe(true);
  });

  it('turns an error element of a JSON-array stream, or an error object in its place, into the typed error', async () => {
    server.handle((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      if (request.url!.endsWith('lone'))
        response.end('{"error":{"code":400,"message":"bad","status":"INVALID_ARGUMENT"}}');
      else response.end('[{"n":1},\r\n{"error":{"code":503,"message":"overloaded","status":"UNAVAILABLE"}}]');
    });
    const element = await drain((await stream('json-array')).events);
    expect(element.seen).toEqual([{ n: 1 }]);
    expect((element.error as Error).name).toBe('ServerError');
    const lone = await transport().request({ method: 'POST', path: 'lone', body: {}, stream: 'json-array' });
    const loneResult = await drain((lone as { events: AsyncIterable<unknown> }).events);
    expect((loneResult.error as Error).name).toBe('BadRequestError');
  });

  it('reads an SSE request answered with plain JSON (an error object, or an array) as what it is', async () => {
    server.handle((request, response) => {
      // The gateway's content types cannot be trusted: the body's first byte decides.
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      if (request.url!.endsWith('array')) response.end('[{"n":1},\r\n{"n":2}]');
      else response.end('{"error":{"code":400,"message":"bad request","status":"INVALID_ARGUMENT"}}');
    });
    const lone = await drain((await stream('sse')).events);
    expect(lone.seen).toEqual([]);
    expect((lone.error as Error).name).toBe('BadRequestError');
    const array = await transport().request({ method: 'POST', path: 'array', body: {}, stream: 'sse' });
    expect(await drain((array as { events: AsyncIterable<unknown> }).events)).toEqual({
      seen: [{ n: 1 }, { n: 2 }],
      error: undefined,
    });
  });

  it('reads event-stream framing as SSE whatever the content type says', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('\uFEFF: comment\r\ndata: {"n":1}\r\n\r\n');
    });
    expect(await drain((await stream('sse')).events)).toEqual({ seen: [{ n: 1 }], error: undefined });
  });

  it('reads a 404 answered with an event-stream content type as NotFoundError', async () => {
    server.handle((_request, response) => {
      response.writeHead(404, sseHeaders);
      response.end('data: {"error":{"code":404,"message":"model not found","status":"NOT_FOUND"}}\n\n');
    });
    const error = await stream('sse').catch((caught: unknown) => caught);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('404 model not found');
  });

  it('retries a connection reset before the headers, then streams', async () => {
    let calls = 0;
    server.handle((_request, response) => {
      calls++;
      if (calls === 1) {
        response.socket?.destroy();
        return;
      }
      response.writeHead(200, sseHeaders);
      response.end('data: {"ok":true}\n\n');
    });
    expect((await drain((await stream('sse')).events)).seen).toEqual([{ ok: true }]);
    expect(calls).toBe(2);
  });

  it('leaving the loop early frees the socket', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.write('data: {"n":1}\n\n');
      // Never ends on its own.
    });
    const response = await stream('sse');
    for await (const event of response.events) {
      expect(event).toEqual({ n: 1 });
      break;
    }
    await server.waitForNoSockets();
  });
});

// undici enforces firstByte and chunkGap with its coarse timers (about 0.5 s ticks), so the
// server here stays silent far longer than the timeout to make the outcome certain.
describe('a stream the caller does not read', () => {
  it('return() on its iterator before reading frees the socket, and close() does not wait for it', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.write('data: {"n":1}\n\n');
      // Never ends on its own.
    });
    const own = createTransport({ baseURL: server.url, auth: 'none', env: {} });
    const response = await own.request({ method: 'POST', path: 'stream', body: {}, stream: 'sse' });
    if (response.kind !== 'stream') throw new Error('expected a stream');
    const iterator = response.events[Symbol.asyncIterator]();
    expect(await iterator.return!()).toEqual({ value: undefined, done: true });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    await server.waitForNoSockets();
    // undici's Agent.close() waits for open requests: a held body would hang it until the total timeout.
    await own.close();
  });

  it('return() before reading a body that has already arrived raises nothing uncaught', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.end('data: {"n":1}\n\n');
    });
    const response = await stream('sse');
    // Let the whole body arrive: undici then reports the destroy as an error on the body itself.
    await sleep(50);
    await response.events[Symbol.asyncIterator]().return!();
    // An uncaught error here fails the run (vitest reports it).
    await sleep(50);
  });
});

describe('timeouts', () => {
  it('firstByte fires when the headers are late, and a POST is retried when retryOnTimeout is set', async () => {
    server.handle((_request, response) => {
      const timer = setTimeout(() => {
        if (!response.destroyed) response.end('{}');
      }, 3000);
      response.on('close', () => clearTimeout(timer));
    });
    const error = await transport({ timeout: { firstByte: 100 }, maxRetries: 1, retryOnTimeout: true })
      .request({ method: 'POST', path: 'x', body: {} })
      .catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).phase).toBe('firstByte');
    expect(server.requests).toHaveLength(2);
  });

  it("a short firstByte fires on time, not at undici's coarse tick", async () => {
    server.handle(() => {
      // Never answers.
    });
    useFakeClock();
    const call = track(
      transport({ timeout: { firstByte: 150 }, maxRetries: 0 }).request({
        method: 'POST',
        path: 'x',
        body: {},
      }),
    );
    await untilIo(() => server.requests.length === 1);
    await vi.advanceTimersByTimeAsync(149);
    expect(call.settled).toBe(false);
    // undici's own header timer fires on its second ~500 ms tick at the earliest: this is the precise one.
    await vi.advanceTimersByTimeAsync(1);
    // Settled with the timer itself: undici's coarse timer runs on the real clock and could not have.
    expect(call.settled).toBe(true);
    const error = await call.outcome;
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).phase).toBe('firstByte');
    expect((error as TimeoutError).timeoutMs).toBe(150);
    vi.useRealTimers();
    await server.waitForNoSockets();
  });

  it('a caller abort still reaches a try that has its own first-byte timer', async () => {
    server.handle(() => {
      // Never answers.
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await transport({ timeout: { firstByte: 5_000 }, maxRetries: 0 })
      .request({ method: 'POST', path: 'x', body: {}, signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(AbortedError.isInstance(error)).toBe(true);
    await server.waitForNoSockets();
  });

  it("a short chunkGap fires on time, not at undici's coarse tick", async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.write('data: {"n":1}\n\n');
      const timer = setTimeout(() => {
        if (!response.destroyed) response.end('data: {"n":2}\n\n');
      }, 3000);
      response.on('close', () => clearTimeout(timer));
    });
    useFakeClock();
    const response = await stream('sse', { timeout: { chunkGap: 120 } });
    const iterator = response.events[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: { n: 1 } });
    // The reader waits for the next chunk from here on.
    const next = track(iterator.next());
    await vi.advanceTimersByTimeAsync(119);
    expect(next.settled).toBe(false);
    // undici's own body timer fires on its second ~500 ms tick at the earliest: this is the precise one.
    await vi.advanceTimersByTimeAsync(1);
    // Settled with the timer itself: undici's coarse timer runs on the real clock and could not have.
    expect(next.settled).toBe(true);
    const error = await next.outcome;
    expect((error as TimeoutError).phase).toBe('chunkGap');
    expect((error as TimeoutError).timeoutMs).toBe(120);
    vi.useRealTimers();
    await server.waitForNoSockets();
  });

  it('a short chunkGap counts only the wait for a chunk, not the time the consumer holds an event', async () => {
    let upstream: http.ServerResponse | undefined;
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.flushHeaders();
      upstream = response;
    });
    useFakeClock();
    const response = await stream('sse', { timeout: { chunkGap: 150 } });
    const iterator = response.events[Symbol.asyncIterator]();
    // Each silence is shorter than the timeout; with the time the consumer holds each event,
    // every gap between two chunks is more than three times longer.
    for (let index = 0; index < 8; index++) {
      const next = iterator.next();
      await vi.advanceTimersByTimeAsync(100);
      upstream!.write(`data: {"n":${index}}\n\n`);
      expect(await next).toEqual({ done: false, value: { n: index } });
      // A slow consumer: far longer than the gap, but the upstream was not silent.
      await vi.advanceTimersByTimeAsync(400);
    }
    const end = iterator.next();
    await vi.advanceTimersByTimeAsync(100);
    upstream!.end();
    expect(await end).toEqual({ done: true, value: undefined });
  });

  it('Infinity turns a layer off over a real socket (undici itself refuses Infinity)', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.end('data: {"n":1}\n\n');
    });
    const infinite = { total: Number.POSITIVE_INFINITY, firstByte: Number.POSITIVE_INFINITY };
    const response = await stream('sse', { timeout: { ...infinite, chunkGap: Number.POSITIVE_INFINITY } });
    expect(await drain(response.events)).toEqual({ seen: [{ n: 1 }], error: undefined });
  });

  it('chunkGap fires when a stream goes silent', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.write('data: {"n":1}\n\n');
      const timer = setTimeout(() => {
        if (!response.destroyed) response.end('data: {"n":2}\n\n');
      }, 3000);
      response.on('close', () => clearTimeout(timer));
    });
    const { seen, error } = await drain((await stream('sse', { timeout: { chunkGap: 150 } })).events);
    expect(seen).toEqual([{ n: 1 }]);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).phase).toBe('chunkGap');
  });

  it('total fires on a stream that trickles for too long', async () => {
    let upstream: http.ServerResponse | undefined;
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.flushHeaders();
      upstream = response;
    });
    useFakeClock();
    const response = await stream('sse', { timeout: { total: 250, chunkGap: 100 } });
    const seen: unknown[] = [];
    const reading = track(
      (async () => {
        for await (const event of response.events) seen.push(event);
      })(),
    );
    // An event every 50 ms, half the chunk gap: only the total timeout can end this stream.
    while (!reading.settled && seen.length < 40) {
      const expected = seen.length + 1;
      upstream!.write(`data: {"n":${seen.length}}\n\n`);
      await untilIo(() => seen.length === expected || reading.settled);
      await vi.advanceTimersByTimeAsync(50);
    }
    await untilIo(() => reading.settled);
    const error = await reading.outcome;
    // Events went out at 0, 50, 100, 150 and 200 ms; the total timeout fired at 250 ms.
    expect(seen).toHaveLength(5);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).phase).toBe('total');
    vi.useRealTimers();
    await server.waitForNoSockets();
  });

  it('an abort while waiting for the headers raises AbortedError and frees the socket', async () => {
    server.handle(() => {
      // Never answers.
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await transport()
      .request({ method: 'POST', path: 'x', body: {}, signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
    await server.waitForNoSockets();
  });

  it('an abort mid-stream raises AbortedError and frees the socket', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, sseHeaders);
      response.write('data: {"n":1}\n\n');
    });
    const controller = new AbortController();
    const response = await stream('sse', {}, controller.signal);
    const seen: unknown[] = [];
    let error: unknown;
    try {
      for await (const event of response.events) {
        seen.push(event);
        controller.abort();
      }
    } catch (caught) {
      error = caught;
    }
    expect(seen).toEqual([{ n: 1 }]);
    expect(AbortedError.isInstance(error)).toBe(true);
    await server.waitForNoSockets();
  });
});

describe('request bodies over a real socket', () => {
  it('a short firstByte starts once a streamed body is sent, not while it uploads', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
    useFakeClock();
    async function* slowParts() {
      // The upload takes three times the first-byte timeout; the answer comes at once after it,
      // with no time passing on the fake clock.
      for (let index = 0; index < 6; index++) {
        await vi.advanceTimersByTimeAsync(50);
        yield new TextEncoder().encode('abcd');
      }
    }
    const response = await transport({ timeout: { firstByte: 100 }, maxRetries: 0 }).request({
      method: 'POST',
      path: 'upload',
      body: { kind: 'bytes', stream: slowParts(), length: 24, contentType: 'text/plain' },
    });
    expect(response.kind === 'json' && response.body).toEqual({ ok: true });
    expect(server.requests[0]!.body).toBe('abcd'.repeat(6));
  });

  it('a short firstByte still fires after a streamed body is sent', async () => {
    server.handle(() => {
      // Reads the body, never answers.
    });
    async function* parts() {
      yield new TextEncoder().encode('abcd');
    }
    useFakeClock();
    const call = track(
      transport({ timeout: { firstByte: 120 }, maxRetries: 0 }).request({
        method: 'POST',
        path: 'upload',
        body: { kind: 'bytes', stream: parts(), length: 4, contentType: 'text/plain' },
      }),
    );
    // The server has the whole body: the first-byte clock runs from here.
    await untilIo(() => server.requests.length === 1);
    await vi.advanceTimersByTimeAsync(119);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    // Settled with the timer itself: undici's coarse timer runs on the real clock and could not have.
    expect(call.settled).toBe(true);
    expect(((await call.outcome) as TimeoutError).phase).toBe('firstByte');
    vi.useRealTimers();
    await server.waitForNoSockets();
  });

  it('streams a bytes body chunk by chunk with its content-length', async () => {
    server.handle((request, response, body) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          length: request.headers['content-length'],
          type: request.headers['content-type'],
          body,
        }),
      );
    });
    let pulled = 0;
    async function* parts() {
      for (const part of ['aGVs', 'bG8g', 'd29y', 'bGQ=']) {
        pulled++;
        yield new TextEncoder().encode(part);
      }
    }
    const response = await transport().request({
      method: 'POST',
      path: 'upload',
      body: { kind: 'bytes', stream: parts(), length: 16, contentType: 'text/plain' },
    });
    expect(pulled).toBe(4);
    expect(response.kind === 'json' && response.body).toEqual({
      length: '16',
      type: 'text/plain',
      body: 'aGVsbG8gd29ybGQ=',
    });
  });
});
