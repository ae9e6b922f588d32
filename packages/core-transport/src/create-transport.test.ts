import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTransport } from './create-transport.js';
import {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InvalidArgumentError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
} from './errors.js';
import type { Middleware, TransportOptions, TransportRequest } from './transport-types.js';

const origin = 'http://gateway.test';
const key = 'sk-unit-test-key-0123456789';
let agent: MockAgent;

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
});

afterEach(async () => {
  vi.useRealTimers();
  await agent.close();
});

/**
 * Fake clocks for the tests of waits: time moves only when a test advances it, so a test shows
 * the order of events (the wait was as long as asked, or there was none) whatever the load.
 */
function useFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

/** Follows a promise so a test can look at whether it has settled yet, without awaiting it. */
function track<T>(promise: Promise<T>) {
  const tracked = { settled: false, outcome: promise.catch((caught: unknown) => caught) };
  void tracked.outcome.then(() => {
    tracked.settled = true;
  });
  return tracked;
}

/**
 * Resolves once `condition` holds, polling on `setImmediate` (which the fake clock leaves alone),
 * so the mock dispatcher's replies run while fake time stands still. A call that sleeps instead
 * of settling never meets the condition, and the test fails on its timeout.
 */
async function untilSettled(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

function transport(options: Partial<TransportOptions> = {}) {
  return createTransport({
    baseURL: `${origin}/gemini/`,
    auth: 'goog-api-key',
    apiKey: key,
    dispatcher: agent,
    env: {},
    backoff: { initialDelay: 1, maxDelay: 5 },
    ...options,
  });
}

const post = (extra: Partial<TransportRequest> = {}): TransportRequest => ({
  method: 'POST',
  path: 'v1beta/models/gemini-2.5-flash:generateContent',
  body: { contents: [] },
  ...extra,
});

/** Replies with the request's headers and body so the test can look at what was sent. */
function echo(path = '/gemini/v1beta/models/gemini-2.5-flash:generateContent') {
  agent
    .get(origin)
    .intercept({ path: (value) => value.startsWith(path), method: () => true })
    .reply(200, (options) => ({ headers: options.headers, body: options.body, path: options.path }), {
      headers: { 'x-request-id': 'req-42' },
    });
}

describe('close', () => {
  it('can be called twice, and both calls resolve', async () => {
    const own = createTransport({ baseURL: 'http://127.0.0.1:9/gemini', auth: 'none', env: {} });
    await expect(Promise.all([own.close(), own.close()])).resolves.toEqual([undefined, undefined]);
    await expect(own.close()).resolves.toBeUndefined();
  });
});

describe('an error envelope sent with a 200', () => {
  const path = '/gemini/v1beta/models/gemini-2.5-flash:generateContent';

  it('raises the error the envelope describes, and retries it when its code is retryable', async () => {
    const pool = agent.get(origin);
    pool
      .intercept({ path, method: 'POST' })
      .reply(200, { error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } });
    pool.intercept({ path, method: 'POST' }).reply(200, { candidates: [] });
    const response = await transport({ maxRetries: 1 }).request(post());
    expect(response.kind === 'json' && response.body).toEqual({ candidates: [] });
  });

  it("gives a 400 in a JSON array (Google's OpenAI endpoint) as BadRequestError, not as a success", async () => {
    agent
      .get(origin)
      .intercept({ path, method: 'POST' })
      .reply(200, [{ error: { code: 400, message: 'Invalid JSON payload', status: 'INVALID_ARGUMENT' } }]);
    const error = await transport({ maxRetries: 0 })
      .request(post())
      .catch((caught: unknown) => caught);
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect((error as BadRequestError).statusCode).toBe(400);
    expect((error as BadRequestError).message).toContain('Invalid JSON payload');
  });

  it('raises it the same when a middleware answers with it', async () => {
    const rateLimited = {
      error: { code: 429, message: 'Resource exhausted.', status: 'RESOURCE_EXHAUSTED' },
    };
    for (const body of [rateLimited, [rateLimited]]) {
      const answering: Middleware = async () => ({
        kind: 'json',
        status: 200,
        headers: {},
        requestId: 'req-mw',
        body,
      });
      const error = await transport({ middleware: [answering] })
        .request(post())
        .catch((caught: unknown) => caught);
      expect(RateLimitError.isInstance(error)).toBe(true);
      expect((error as RateLimitError).message).toContain('Resource exhausted.');
    }
    // In a middleware's stream too, event by event; letting go of it lets go of the events beneath.
    let returned = 0;
    const recorded = {
      [Symbol.asyncIterator]() {
        const items = [{ n: 1 }, rateLimited, { n: 2 }];
        return {
          next: async () => ({ value: items.shift(), done: false }),
          return: async () => {
            returned += 1;
            return { value: undefined, done: true as const };
          },
        };
      },
    };
    const replaying: Middleware = async () => ({
      kind: 'stream',
      status: 200,
      headers: {},
      requestId: 'req-mw',
      events: recorded,
    });
    const replayed = await transport({ middleware: [replaying] }).request(post());
    const seen: unknown[] = [];
    const failure = await (async () => {
      if (replayed.kind !== 'stream') throw new Error('expected a stream');
      for await (const event of replayed.events) seen.push(event);
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual([{ n: 1 }]);
    expect(RateLimitError.isInstance(failure)).toBe(true);
    expect(returned).toBe(1);
    const unread = await transport({ middleware: [replaying] }).request(post());
    if (unread.kind === 'stream') await unread.events[Symbol.asyncIterator]().return?.();
    expect(returned).toBe(2);

    // An answer that also carries results is that answer.
    const withData: Middleware = async () => ({
      kind: 'json',
      status: 200,
      headers: {},
      requestId: 'req-mw',
      body: { ...rateLimited, data: [] },
    });
    const response = await transport({ middleware: [withData] }).request(post());
    expect(response.kind === 'json' && response.body).toEqual({ ...rateLimited, data: [] });
  });

  it('leaves a success that merely has an `error` field that is not an object alone', async () => {
    agent.get(origin).intercept({ path, method: 'POST' }).reply(200, { error: null, candidates: [] });
    const response = await transport().request(post());
    expect(response.kind === 'json' && response.body).toEqual({ error: null, candidates: [] });
  });
});

describe('createTransport', () => {
  it('joins the path to the base URL, encodes the query and the JSON body', async () => {
    echo();
    const response = await transport().request(post({ query: { alt: 'sse', skip: undefined, n: 2 } }));
    expect(response.kind).toBe('json');
    expect(response.status).toBe(200);
    expect(response.requestId).toBe('req-42');
    const body = (response as { body: { path: string; body: string; headers: Record<string, string> } }).body;
    expect(body.path).toBe('/gemini/v1beta/models/gemini-2.5-flash:generateContent?alt=sse&n=2');
    expect(JSON.parse(body.body)).toEqual({ contents: [] });
    expect(body.headers['content-type']).toBe('application/json');
  });

  it('pairs a JSON answer with the text it was parsed from (what a cache keeps)', async () => {
    echo();
    const response = await transport().request(post({}));
    if (response.kind !== 'json') throw new Error('expected a JSON answer');
    expect(response.wire?.body).toBe(response.body);
    expect(JSON.parse(response.wire?.text ?? '')).toEqual(response.body);
  });

  it('keeps a query written on the base URL on every call', async () => {
    echo();
    const response = await transport({ baseURL: `${origin}/gemini/?tenant=a%20b` }).request(
      post({ query: { alt: 'sse' } }),
    );
    expect((response as { body: { path: string } }).body.path).toBe(
      '/gemini/v1beta/models/gemini-2.5-flash:generateContent?tenant=a%20b&alt=sse',
    );
  });

  it('sends exactly one auth header for the route, and the APP-Code when configured', async () => {
    echo('/v1/chat');
    echo('/gemini/v1beta');
    const openai = createTransport({
      baseURL: `${origin}/v1`,
      auth: 'bearer',
      apiKey: key,
      appCode: 'PARTNER1',
      dispatcher: agent,
      // A user header must not add a second scheme.
      headers: { 'X-Goog-Api-Key': 'other', 'X-Custom': 'yes' },
      env: {},
    });
    const openaiHeaders = (
      (await openai.request({ method: 'POST', path: '/chat/completions', body: {} })) as any
    ).body.headers;
    expect(openaiHeaders.authorization).toBe(`Bearer ${key}`);
    expect(openaiHeaders['x-goog-api-key']).toBeUndefined();
    expect(openaiHeaders['app-code']).toBe('PARTNER1');
    expect(openaiHeaders['x-custom']).toBe('yes');

    const nativeHeaders = (
      (await transport().request(post({ path: 'v1beta/models', headers: { Authorization: 'x' } }))) as any
    ).body.headers;
    expect(nativeHeaders['x-goog-api-key']).toBe(key);
    expect(nativeHeaders.authorization).toBeUndefined();
    expect(nativeHeaders['app-code']).toBeUndefined();
  });

  it('reads the key and app code from the environment', async () => {
    echo();
    const fromEnv = createTransport({
      baseURL: `${origin}/gemini`,
      auth: 'goog-api-key',
      dispatcher: agent,
      env: { AIHUBMIX_API_KEY: 'sk-from-env-000000', AIHUBMIX_APP_CODE: 'ENVCODE' },
    });
    const headers = ((await fromEnv.request(post())) as any).body.headers;
    expect(headers['x-goog-api-key']).toBe('sk-from-env-000000');
    expect(headers['app-code']).toBe('ENVCODE');
  });

  it('rejects with AuthenticationError and sends nothing when no key is set', async () => {
    const noKey = createTransport({
      baseURL: `${origin}/gemini`,
      auth: 'goog-api-key',
      dispatcher: agent,
      env: {},
    });
    const error = await noKey.request(post()).catch((caught: unknown) => caught);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(agent.pendingInterceptors()).toHaveLength(0);
  });

  it('returns undefined for an empty 2xx body and a ResponseValidationError for a non-JSON one', async () => {
    const pool = agent.get(origin);
    pool.intercept({ path: /./, method: 'DELETE' }).reply(204, '');
    pool.intercept({ path: /./, method: 'GET' }).reply(200, '<html>hi</html>');
    const deleted = await transport().request({ method: 'DELETE', path: 'v1beta/cachedContents/x' });
    expect(deleted.kind === 'json' && deleted.body).toBeUndefined();
    const error = await transport()
      .request({ method: 'GET', path: 'v1beta/models' })
      .catch((caught: unknown) => caught);
    expect(ResponseValidationError.isInstance(error)).toBe(true);
  });

  it('runs middleware in order, each able to change the request or answer it', async () => {
    echo();
    const seen: string[] = [];
    const tag: Middleware = async (request, next) => {
      seen.push('outer');
      return next({ ...request, headers: { ...request.headers, 'x-tag': 'outer' } });
    };
    const observe: Middleware = async (request, next) => {
      seen.push(`inner:${request.headers?.['x-tag']}`);
      const response = await next(request);
      seen.push(`status:${response.status}`);
      return response;
    };
    const response = await transport({ middleware: [tag, observe] }).request(post());
    expect(seen).toEqual(['outer', 'inner:outer', 'status:200']);
    expect((response as any).body.headers['x-tag']).toBe('outer');

    const cache: Middleware = async () => ({
      kind: 'json',
      status: 200,
      headers: {},
      requestId: undefined,
      body: 'hit',
    });
    const cached = await transport({ middleware: [cache] }).request(post());
    expect(cached.kind === 'json' && cached.body).toBe('hit');
  });

  it('streams a bytes body with its length and content type', async () => {
    echo('/gemini/upload');
    async function* parts() {
      yield new TextEncoder().encode('hello ');
      yield new TextEncoder().encode('world');
    }
    const response = await transport().request({
      method: 'POST',
      path: 'upload',
      body: { kind: 'bytes', stream: parts(), length: 11, contentType: 'application/octet-stream' },
    });
    const sent = (response as any).body;
    expect(sent.headers['content-length']).toBe('11');
    expect(sent.headers['content-type']).toBe('application/octet-stream');
  });
});

describe('retries', () => {
  const intercept = () => agent.get(origin).intercept({ path: /./, method: 'POST' });
  const googleError = (code: number, status: string, details: unknown[] = []) => ({
    error: { code, message: `upstream said ${status}`, status, details },
  });

  it.each([408, 409, 429, 500, 502, 503, 504])('retries %i, then succeeds', async (status) => {
    intercept().reply(status, googleError(status, 'X'));
    intercept().reply(200, { ok: true });
    const response = await transport().request(post());
    expect(response.kind === 'json' && response.body).toEqual({ ok: true });
  });

  it.each([400, 401, 403, 404, 422])('does not retry %i', async (status) => {
    intercept().reply(status, googleError(status, 'X'));
    intercept().reply(200, { ok: true });
    await expect(transport().request(post())).rejects.toMatchObject({ statusCode: status });
    // The 200 meant for a retry is still waiting: no second try was made.
    expect(agent.pendingInterceptors()).toHaveLength(1);
  });

  it('gives up after maxRetries and throws the last typed error', async () => {
    const logs: Array<[string, Record<string, unknown> | undefined]> = [];
    intercept().reply(503, googleError(503, 'UNAVAILABLE')).times(3);
    const error = await transport({ logger: { debug: (m, f) => logs.push([m, f]), warn: () => {} } })
      .request(post())
      .catch((caught: unknown) => caught);
    expect(ServerError.isInstance(error)).toBe(true);
    expect(logs.filter(([message]) => message === 'gemgate request')).toHaveLength(3);
    expect(logs.filter(([message]) => message === 'gemgate retry')).toHaveLength(2);
  });

  it('honours maxRetries per request, 0 meaning one try', async () => {
    intercept().reply(500, '');
    intercept().reply(200, { ok: true });
    await expect(transport().request(post({ maxRetries: 0 }))).rejects.toMatchObject({ statusCode: 500 });
  });

  it('obeys x-should-retry both ways', async () => {
    intercept().reply(400, googleError(400, 'X'), { headers: { 'x-should-retry': 'true' } });
    intercept().reply(200, { ok: 1 });
    expect((await transport().request(post())).status).toBe(200);
    intercept().reply(503, googleError(503, 'X'), { headers: { 'x-should-retry': 'false' } });
    intercept().reply(200, { ok: 2 });
    await expect(transport().request(post())).rejects.toMatchObject({ statusCode: 503 });
  });

  it('waits as long as retry-after-ms, Retry-After or RetryInfo says', async () => {
    const cases: Array<[Record<string, string>, unknown, number]> = [
      [{ 'retry-after-ms': '120' }, googleError(429, 'X'), 120],
      [{ 'retry-after': '0.15' }, googleError(429, 'X'), 150],
      [
        {},
        googleError(429, 'RESOURCE_EXHAUSTED', [
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '0.2s' },
        ]),
        200,
      ],
    ];
    useFakeClock();
    for (const [headers, body, expected] of cases) {
      intercept().reply(429, body as object, { headers });
      intercept().reply(200, { ok: true });
      const delays: unknown[] = [];
      const call = track(
        transport({
          logger: { debug: (m, f) => m === 'gemgate retry' && delays.push(f?.delayMs), warn() {} },
        }).request(post()),
      );
      // The retry is logged just before the wait starts.
      await untilSettled(() => delays.length === 1);
      expect(delays).toEqual([expected]);
      await vi.advanceTimersByTimeAsync(expected - 1);
      expect(call.settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await untilSettled(() => call.settled);
      expect(await call.outcome).toMatchObject({ status: 200 });
    }
  });

  it('gives up at once, with retryAfterMs, when asked to wait longer than the cap', async () => {
    intercept().reply(429, googleError(429, 'X'), { headers: { 'retry-after': '3600' } });
    useFakeClock();
    const call = track(transport().request(post()));
    // The clock never moves: the call settles only if it does not wait at all.
    await untilSettled(() => call.settled);
    const error = await call.outcome;
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
  });

  it('retries connection errors', async () => {
    intercept().replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    intercept().reply(200, { ok: true });
    expect((await transport().request(post())).status).toBe(200);
    intercept()
      .replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))
      .times(3);
    const error = await transport()
      .request(post())
      .catch((caught: unknown) => caught);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('refused');
  });

  it('never retries a streamed bytes body (it cannot be read twice)', async () => {
    intercept().reply(503, '');
    intercept().reply(200, { ok: true });
    async function* parts() {
      yield new Uint8Array([1, 2, 3]);
    }
    await expect(
      transport().request(
        post({ body: { kind: 'bytes', stream: parts(), length: 3, contentType: 'image/png' } }),
      ),
    ).rejects.toMatchObject({ statusCode: 503 });
  });

  it('an abort during backoff ends the wait at once with AbortedError', async () => {
    intercept().reply(429, googleError(429, 'X'), { headers: { 'retry-after': '5' } });
    useFakeClock();
    const controller = new AbortController();
    const retries: unknown[] = [];
    const call = track(
      transport({ logger: { debug: (m) => m === 'gemgate retry' && retries.push(m), warn() {} } }).request(
        post({ signal: controller.signal }),
      ),
    );
    await untilSettled(() => retries.length === 1);
    await vi.advanceTimersByTimeAsync(4999);
    expect(call.settled).toBe(false);
    controller.abort();
    // The clock stands 1 ms short of the 5 s wait: only the abort can end it.
    await untilSettled(() => call.settled);
    expect(AbortedError.isInstance(await call.outcome)).toBe(true);
  });

  it('an already aborted signal sends nothing', async () => {
    const error = await transport()
      .request(post({ signal: AbortSignal.abort() }))
      .catch((caught: unknown) => caught);
    expect(AbortedError.isInstance(error)).toBe(true);
  });

  it('gives back the error rather than sleeping past the total timeout', async () => {
    intercept().reply(503, '', { headers: { 'retry-after': '2' } });
    useFakeClock();
    const call = track(transport({ timeout: 500 }).request(post()));
    // The clock never moves: the call settles only if it does not wait for the 2 s.
    await untilSettled(() => call.settled);
    expect(ServerError.isInstance(await call.outcome)).toBe(true);
  });

  it('a 400 is a BadRequestError', async () => {
    intercept().reply(400, googleError(400, 'INVALID_ARGUMENT'));
    await expect(transport().request(post())).rejects.toSatisfy((error) => BadRequestError.isInstance(error));
  });
});

describe('bad options fail fast with InvalidArgumentError', () => {
  const invalid = (error: unknown, argument: string) =>
    InvalidArgumentError.isInstance(error) && error.argument === argument;

  it('rejects a maxRetries that would retry forever or makes no sense', async () => {
    for (const maxRetries of [Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5]) {
      expect(() => transport({ maxRetries })).toThrow(/maxRetries must be a whole number/);
      const error = await transport()
        .request(post({ maxRetries }))
        .catch((caught: unknown) => caught);
      expect(invalid(error, 'maxRetries')).toBe(true);
    }
  });

  it('rejects a timeout that would fire at once, naming the layer', async () => {
    for (const value of [0, -5, Number.NaN]) {
      expect(() => transport({ timeout: value })).toThrow(/timeout must be a positive number/);
      const error = await transport()
        .request(post({ timeout: { chunkGap: value } }))
        .catch((caught: unknown) => caught);
      expect(invalid(error, 'timeout.chunkGap')).toBe(true);
    }
  });

  it('reads Infinity, or a timeout beyond what a Node timer holds, as no limit', async () => {
    for (const timeout of [
      {
        total: Number.POSITIVE_INFINITY,
        firstByte: Number.POSITIVE_INFINITY,
        chunkGap: Number.POSITIVE_INFINITY,
      },
      { total: 2 ** 31 },
    ]) {
      agent.get(origin).intercept({ path: /./, method: 'POST' }).reply(200, { ok: true }).delay(30);
      // Node fires a timer set beyond 2^31-1 ms after 1 ms, and undici refuses Infinity:
      // either would fail this call.
      const response = await transport({ timeout, maxRetries: 0 }).request(post());
      expect(response.kind === 'json' && response.body).toEqual({ ok: true });
    }
  });

  it('rejects a base URL that is not a URL, without quoting the key', () => {
    let caught: unknown;
    try {
      transport({ baseURL: `aihubmix.com/gemini?key=${key}` });
    } catch (error) {
      caught = error;
    }
    expect(invalid(caught, 'baseURL')).toBe(true);
    expect(String(caught)).not.toContain(key);
    expect(String(caught)).toContain('resolveBaseURL');
  });
});
