import { Agent, type Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/server.js';
import { createTransport } from './create-transport.js';
import { InvalidArgumentError, TimeoutError } from './errors.js';
import { resolveTimeouts } from './resolve-timeouts.js';
import type { Transport, TransportOptions, TransportRequest } from './transport-types.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const agent = new Agent();
const transports: Transport[] = [];
/** What the transport asked undici for, per try: the timeouts undici enforces on the wire. */
const sent: Array<{ headersTimeout: number | null | undefined; bodyTimeout: number | null | undefined }> = [];

/** The real agent, recording the options of each request it is handed. */
const recordingDispatcher = {
  request(options: Dispatcher.RequestOptions) {
    sent.push({ headersTimeout: options.headersTimeout, bodyTimeout: options.bodyTimeout });
    return agent.request(options);
  },
} as unknown as Dispatcher;

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await Promise.all(transports.splice(0).map((transport) => transport.close()));
  server.requests.length = 0;
  sent.length = 0;
});
afterAll(async () => {
  await agent.close();
  await server.close();
});

function transport(options: Partial<TransportOptions> = {}) {
  const created = createTransport({
    baseURL: server.url,
    auth: 'bearer',
    apiKey: 'sk-timeout-test-key-000',
    env: {},
    dispatcher: recordingDispatcher,
    backoff: { initialDelay: 1, maxDelay: 5 },
    ...options,
  });
  transports.push(created);
  return created;
}

const generate = (extra: Partial<TransportRequest> = {}): TransportRequest => ({
  method: 'POST',
  path: 'models/gemini-2.5-pro:generateContent',
  body: { contents: [] },
  ...extra,
});

async function readStream(response: Awaited<ReturnType<Transport['request']>>) {
  if (response.kind !== 'stream') throw new Error('expected a stream');
  for await (const _event of response.events) {
    // Drained so the socket is free.
  }
}

describe('defaults that fit thinking models', () => {
  it('a non-streamed call waits for its first byte (and its body) as long as its total allows', async () => {
    server.handle((_request, response) => response.end('{"ok":true}'));
    await transport().request(generate());
    // 0 is undici's "no limit": the call's total timeout (10 minutes) bounds the wait instead of
    // the 60 s first-byte limit that cut off a model thinking for 65 s.
    expect(sent).toEqual([{ headersTimeout: 0, bodyTimeout: 0 }]);
  });

  it('a stream keeps its 60 s first-byte and chunk-gap limits', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end('data: {"n":1}\n\n');
    });
    await readStream(await transport().request(generate({ stream: 'sse' })));
    expect(sent).toEqual([{ headersTimeout: 60_000, bodyTimeout: 60_000 }]);
  });

  it('a numeric timeout is the whole wait, first byte included, on the transport or on one call', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end('data: {"n":1}\n\n');
    });
    await readStream(await transport({ timeout: 120_000 }).request(generate({ stream: 'sse' })));
    await readStream(await transport().request(generate({ stream: 'sse', timeout: 120_000 })));
    // The stream's 60 s first-byte default would end a two-minute wait the caller asked for.
    expect(sent).toEqual([
      { headersTimeout: 0, bodyTimeout: 60_000 },
      { headersTimeout: 0, bodyTimeout: 60_000 },
    ]);
  });

  it('a layer set explicitly is kept, unless the total ends the call first', () => {
    expect(resolveTimeouts({ settings: [{ firstByte: 30_000 }], stream: false })).toEqual({
      total: 600_000,
      firstByte: 30_000,
      chunkGap: Number.POSITIVE_INFINITY,
    });
    expect(resolveTimeouts({ settings: [{ firstByte: 30_000 }, { total: 20_000 }], stream: true })).toEqual({
      total: 20_000,
      firstByte: Number.POSITIVE_INFINITY,
      chunkGap: Number.POSITIVE_INFINITY,
    });
  });
});

describe('a generation is not sent again after a timeout that fired once it was sent', () => {
  /** Headers only after 3 s: far beyond the first-byte limits below. */
  function answerLate() {
    server.handle((_request, response) => {
      const timer = setTimeout(() => {
        if (!response.destroyed) response.end('{}');
      }, 3000);
      response.on('close', () => clearTimeout(timer));
    });
  }

  it('a POST whose first byte is late is sent once, and the TimeoutError comes back', async () => {
    answerLate();
    const error = await transport({ timeout: { firstByte: 100 }, maxRetries: 2 })
      .request(generate())
      .catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error) && error.phase).toBe('firstByte');
    expect(server.requests).toHaveLength(1);
  });

  it('retryOnTimeout opts a POST back in, on the transport or on one call', async () => {
    answerLate();
    await transport({ timeout: { firstByte: 100 }, maxRetries: 1, retryOnTimeout: true })
      .request(generate())
      .catch(() => undefined);
    expect(server.requests).toHaveLength(2);
    server.requests.length = 0;
    await transport({ timeout: { firstByte: 100 }, maxRetries: 1 })
      .request(generate({ retryOnTimeout: true }))
      .catch(() => undefined);
    expect(server.requests).toHaveLength(2);
  });

  it('a GET, which generates nothing, is still retried after a late first byte', async () => {
    answerLate();
    const error = await transport({ timeout: { firstByte: 100 }, maxRetries: 1 })
      .request({ method: 'GET', path: 'models' })
      .catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(2);
  });
});

describe('a timeout that is not milliseconds is refused, saying what to pass', () => {
  const invalidValues: unknown[] = ['300', '5s', Number.NaN, -1, { total: '5s' }, { totl: 5_000 }, true];

  it('on the transport', () => {
    for (const timeout of invalidValues) {
      let caught: unknown;
      try {
        transport({ timeout: timeout as number });
      } catch (error) {
        caught = error;
      }
      expect(InvalidArgumentError.isInstance(caught), String(timeout)).toBe(true);
      expect((caught as Error).message).toMatch(/milliseconds as a number/);
      expect((caught as Error).message).toMatch(/total, firstByte/);
    }
  });

  it('on one call: nothing is sent, and close() still resolves', async () => {
    const own = transport();
    for (const timeout of invalidValues) {
      const error = await own
        .request(generate({ timeout: timeout as number }))
        .catch((caught: unknown) => caught);
      expect(InvalidArgumentError.isInstance(error), String(timeout)).toBe(true);
      expect((error as InvalidArgumentError).argument).toMatch(/^timeout/);
    }
    expect(server.requests).toHaveLength(0);
    transports.splice(transports.indexOf(own), 1);
    await expect(own.close()).resolves.toBeUndefined();
  });
});
