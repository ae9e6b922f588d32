import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockGateway } from './start-mock-gateway.js';
import type { MockGateway } from './types.js';

let gateway: MockGateway;

beforeAll(async () => {
  gateway = await startMockGateway({ apiKeys: ['good-key'], maxRequestBytes: 2048 });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const nativePath = '/gemini/v1beta/models/gemini-2.0-flash:generateContent';
const nativeBody = { contents: [{ role: 'user', parts: [{ text: 'hello' }] }] };
const chatBody = { model: 'gemini-2.0-flash', messages: [{ role: 'user', content: 'hello' }] };

function native({
  headers = {},
  body = nativeBody,
  path = nativePath,
}: {
  headers?: Record<string, string>;
  body?: unknown;
  path?: string;
} = {}) {
  return fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-api-key': 'good-key', ...headers },
    body: JSON.stringify(body),
  });
}

function chat({ headers = {}, body = chatBody }: { headers?: Record<string, string>; body?: unknown } = {}) {
  return fetch(`${gateway.openaiBaseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer good-key', ...headers },
    body: JSON.stringify(body),
  });
}

describe('startMockGateway', () => {
  it('exposes the contract URLs', () => {
    expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(gateway.nativeBaseURL).toBe(`${gateway.url}/gemini`);
    expect(gateway.openaiBaseURL).toBe(`${gateway.url}/v1`);
  });

  it('records every request with method, path, query, raw headers, parsed body and route', async () => {
    await native({ path: `${nativePath}?alt=sse` });
    await chat();
    expect(gateway.requests).toHaveLength(2);
    expect(gateway.requests[0]).toMatchObject({
      method: 'POST',
      path: nativePath,
      query: { alt: 'sse' },
      body: nativeBody,
      route: 'native',
    });
    expect(gateway.requests[0]!.headers['x-goog-api-key']).toBe('good-key');
    expect(gateway.requests[1]).toMatchObject({
      path: '/v1/chat/completions',
      body: chatBody,
      route: 'openai',
    });
  });

  it('maxRecordedRequests keeps only the latest requests', async () => {
    const bounded = await startMockGateway({ maxRecordedRequests: 2 });
    try {
      for (const text of ['one', 'two', 'three']) {
        await fetch(`${bounded.url}${nativePath}`, {
          method: 'POST',
          headers: { 'x-goog-api-key': 'k' },
          body: JSON.stringify({ contents: [{ parts: [{ text }] }] }),
        });
      }
      expect(bounded.requests.map((request) => (request.body as any).contents[0].parts[0].text)).toEqual([
        'two',
        'three',
      ]);
    } finally {
      await bounded.close();
    }
  });

  describe('auth', () => {
    it('answers 401 in the Google envelope on the native route, without echoing the key', async () => {
      const response = await native({ headers: { 'x-goog-api-key': 'bad-key' } });
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED' } });
      expect(text).not.toContain('bad-key');
    });

    it('accepts ?key= on the native route', async () => {
      const response = await fetch(`${gateway.url}${nativePath}?key=good-key`, {
        method: 'POST',
        body: JSON.stringify(nativeBody),
      });
      expect(response.status).toBe(200);
    });

    it('answers 401 in the OpenAI envelope on the OpenAI route, with a request id', async () => {
      const response = await chat({ headers: { authorization: 'Bearer nope' } });
      expect(response.status).toBe(401);
      expect(response.headers.get('x-request-id')).toMatch(/^mock-/);
      expect(await response.json()).toMatchObject({
        error: { type: 'authentication_error', code: 'invalid_api_key', param: null },
      });
    });

    it('does not take the native header on the OpenAI route', async () => {
      const response = await chat({ headers: { authorization: '', 'x-goog-api-key': 'good-key' } });
      expect(response.status).toBe(401);
    });

    it('accepts any non-empty key when apiKeys is omitted', async () => {
      const open = await startMockGateway();
      try {
        const ok = await fetch(`${open.url}${nativePath}`, {
          method: 'POST',
          headers: { 'x-goog-api-key': 'anything' },
          body: JSON.stringify(nativeBody),
        });
        const missing = await fetch(`${open.url}${nativePath}`, {
          method: 'POST',
          body: JSON.stringify(nativeBody),
        });
        expect(ok.status).toBe(200);
        expect(missing.status).toBe(401);
      } finally {
        await open.close();
      }
    });
  });

  it('rejects a body over maxRequestBytes with the gateway error', async () => {
    const big = {
      contents: [
        { role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: 'A'.repeat(4096) } }] },
      ],
    };
    const response = await native({ body: big });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'Request payload size exceeds the limit: 2048 bytes',
    );
  });

  describe('faults', () => {
    it('429 with Retry-After', async () => {
      const response = await native({ headers: { 'x-mock-fault': '429; retry-after=2' } });
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('2');
      expect(await response.json()).toMatchObject({ error: { code: 429, status: 'RESOURCE_EXHAUSTED' } });
    });

    it('429 with retry-after-ms on the OpenAI route', async () => {
      const response = await chat({ headers: { 'x-mock-fault': '429; retry-after-ms=50' } });
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after-ms')).toBe('50');
      expect(await response.json()).toMatchObject({
        error: { type: 'rate_limit_error', code: 'rate_limit_exceeded' },
      });
    });

    it('429 with a Google RetryInfo detail', async () => {
      const response = await native({ headers: { 'x-mock-fault': '429; retry-info=1.5s' } });
      expect(await response.json()).toMatchObject({
        error: { details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }] },
      });
    });

    it.each([
      ['500', 500, 'INTERNAL'],
      ['503', 503, 'UNAVAILABLE'],
    ])('%s', async (fault, status, googleStatus) => {
      const response = await native({ headers: { 'x-mock-fault': fault } });
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ error: { status: googleStatus } });
    });

    it('reset-before-headers fails the request without a response', async () => {
      await expect(native({ headers: { 'x-mock-fault': 'reset-before-headers' } })).rejects.toThrow();
      expect(gateway.requests).toHaveLength(1);
    });

    it('reset-mid-stream; after=1 sends one event then drops the connection', async () => {
      const response = await native({
        path: `${nativePath.replace('generateContent', 'streamGenerateContent')}?alt=sse`,
        headers: { 'x-mock-fault': 'reset-mid-stream; after=1' },
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      let received = '';
      const failure = await (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return undefined;
          received += Buffer.from(value).toString();
        }
      })().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(received.match(/^data: /gm)).toHaveLength(1);
    });

    it('truncate-event ends cleanly inside the last event', async () => {
      const response = await native({
        path: `${nativePath.replace('generateContent', 'streamGenerateContent')}?alt=sse`,
        headers: { 'x-mock-fault': 'truncate-event' },
      });
      const text = await response.text();
      const events = text.split('\r\n\r\n');
      const last = events.at(-1)!;
      expect(last.startsWith('data: {')).toBe(true);
      expect(() => JSON.parse(last.slice('data: '.length))).toThrow();
      for (const event of events.slice(0, -1)) expect(() => JSON.parse(event.slice(6))).not.toThrow();
    });

    it('truncate-event on a JSON answer cuts the body', async () => {
      const response = await native({ headers: { 'x-mock-fault': 'truncate-event' } });
      await expect(response.json()).rejects.toThrow();
    });

    it('slow-first-byte delays the status line', async () => {
      const started = performance.now();
      await native({ headers: { 'x-mock-fault': 'slow-first-byte=300' } });
      expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    });

    it('slow-chunks spaces the streamed events', async () => {
      const response = await chat({
        body: { ...chatBody, stream: true },
        headers: { 'x-mock-fault': 'slow-chunks=60' },
      });
      const reader = response.body!.getReader();
      const arrivals: number[] = [];
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
        arrivals.push(performance.now());
      }
      expect(arrivals.length).toBeGreaterThan(2);
      expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(60 * (arrivals.length - 2));
    });

    it('error-in-stream sends an error event after the first one (native)', async () => {
      const response = await native({
        path: `${nativePath.replace('generateContent', 'streamGenerateContent')}?alt=sse`,
        headers: { 'x-mock-fault': 'error-in-stream' },
      });
      const events = (await response.text())
        .split('\r\n\r\n')
        .filter(Boolean)
        .map((event) => JSON.parse(event.slice(6)));
      expect(events).toHaveLength(2);
      expect(events[0].candidates).toBeDefined();
      expect(events[1]).toMatchObject({ error: { code: 500, status: 'INTERNAL' } });
    });

    it('error-in-stream still sends the error when the answer is a single event', async () => {
      const response = await native({
        path: `${nativePath.replace('generateContent', 'streamGenerateContent')}?alt=sse`,
        headers: { 'x-mock-fault': 'error-in-stream', 'x-mock-prompt-block': 'SAFETY' },
      });
      const events = (await response.text())
        .split('\r\n\r\n')
        .filter(Boolean)
        .map((event) => JSON.parse(event.slice(6)));
      expect(events).toHaveLength(2);
      expect(events[0].promptFeedback.blockReason).toBe('SAFETY');
      expect(events[1]).toMatchObject({ error: { code: 500 } });
    });

    it('error-in-stream on the OpenAI route has no [DONE]', async () => {
      const response = await chat({
        body: { ...chatBody, stream: true },
        headers: { 'x-mock-fault': 'error-in-stream' },
      });
      const text = await response.text();
      expect(text).toContain('data: {"error":{');
      expect(text).not.toContain('[DONE]');
    });

    it('404-event-stream answers 404 with an event-stream content type', async () => {
      const response = await chat({
        body: { ...chatBody, stream: true },
        headers: { 'x-mock-fault': '404-event-stream' },
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/event-stream');
    });

    it('scheduleFault applies to the next matching requests only, then clears', async () => {
      gateway.scheduleFault({ fault: '503', times: 2, path: /chat\/completions/ });
      expect((await native()).status).toBe(200);
      expect((await chat()).status).toBe(503);
      expect((await chat()).status).toBe(503);
      expect((await chat()).status).toBe(200);
      gateway.scheduleFault({ fault: '500' });
      gateway.clearFaults();
      expect((await chat()).status).toBe(200);
    });

    it('the header wins over a scheduled fault', async () => {
      gateway.scheduleFault({ fault: '503' });
      expect((await native({ headers: { 'x-mock-fault': '429' } })).status).toBe(429);
      expect((await native()).status).toBe(503);
    });

    it('close() ends pending delays instead of leaving their timers alive', async () => {
      const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
      const slow = await startMockGateway();
      const pending = fetch(`${slow.url}${nativePath}`, {
        method: 'POST',
        headers: { 'x-goog-api-key': 'k', 'x-mock-fault': 'slow-first-byte=600000' },
        body: JSON.stringify(nativeBody),
      }).catch((error: unknown) => error);
      while (slow.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const during = timers();
      await slow.close();
      expect(await pending).toBeInstanceOf(Error);
      await new Promise((resolve) => setImmediate(resolve));
      expect(timers()).toBeLessThan(during);
    });

    it('latency.firstByteMs delays every answer', async () => {
      const slow = await startMockGateway({ latency: { firstByteMs: 150 } });
      try {
        const started = performance.now();
        await fetch(`${slow.url}${nativePath}`, {
          method: 'POST',
          headers: { 'x-goog-api-key': 'k' },
          body: '{}',
        });
        expect(performance.now() - started).toBeGreaterThanOrEqual(130);
      } finally {
        await slow.close();
      }
    });
  });

  describe('request ids', () => {
    const idOf = (response: Response) => response.headers.get('x-request-id');

    it('every answer carries a distinct x-request-id: success, stream, error, unknown route', async () => {
      const answers = [
        await native(),
        await native({ path: `${nativePath.replace('generateContent', 'streamGenerateContent')}?alt=sse` }),
        await chat({ body: { ...chatBody, stream: true } }),
        await native({ headers: { 'x-goog-api-key': 'bad-key' } }),
        await fetch(`${gateway.url}/nowhere`),
      ];
      const ids = answers.map(idOf);
      for (const id of ids) expect(id).toMatch(/^mock-\d{6}$/);
      expect(new Set(ids).size).toBe(ids.length);
      await Promise.all(answers.map((answer) => answer.text()));
    });

    it.each([
      ['google', (body: any) => body.error.message],
      ['openai', (body: any) => body.error.message],
      ['flat', (body: any) => body.message],
      ['google-array', (body: any) => body[0].error.message],
    ])('every error message ends with (tid: <x-request-id>) in the %s envelope', async (shape, messageOf) => {
      for (const response of [
        await chat({ headers: { 'x-mock-fault': '503', 'x-mock-error-shape': shape } }),
        await native({ headers: { 'x-goog-api-key': 'bad-key', 'x-mock-error-shape': shape } }),
        await native({ body: { contents: 'hello' }, headers: { 'x-mock-error-shape': shape } }),
      ]) {
        const message: string = messageOf(await response.json());
        expect(message.endsWith(`(tid: ${idOf(response)})`)).toBe(true);
        expect(message.match(/\(tid: /g)).toHaveLength(1);
      }
    });

    it('the OpenAI 401 reads as the gateway words it, and the key never appears', async () => {
      const response = await chat({ headers: { authorization: 'Bearer sk-leaked-secret' } });
      const text = await response.text();
      expect(JSON.parse(text).error.message).toBe(`Invalid token (tid: ${idOf(response)})`);
      expect(text).not.toContain('sk-leaked-secret');
    });

    it('an error event inside a stream carries the tid of its answer', async () => {
      const response = await chat({
        body: { ...chatBody, stream: true },
        headers: { 'x-mock-fault': 'error-in-stream' },
      });
      const text = await response.text();
      const errorEvent = JSON.parse(
        text
          .split('\n\n')
          .find((event) => event.includes('"error"'))!
          .slice(6),
      );
      expect(errorEvent.error.message).toContain(`(tid: ${idOf(response)})`);
    });
  });

  describe('bad input is a 400 in the route envelope, never a crash', () => {
    it.each([
      ['contents not a list', { contents: 'hello' }, "'contents'"],
      ['a content that is not an object', { contents: [null] }, "'contents[0]'"],
      ['parts not a list', { contents: [{ role: 'user', parts: 'hi' }] }, "'contents[0].parts'"],
      ['a part that is not an object', { contents: [{ parts: [3] }] }, "'contents[0].parts[0]'"],
      [
        'inline data without base64 text',
        { contents: [{ parts: [{ inlineData: { mimeType: 'image/png', data: 5 } }] }] },
        "'contents[0].parts[0].inline_data'",
      ],
      ['tools not a list', { contents: [{ parts: [{ text: 'x' }] }], tools: {} }, "'tools'"],
      [
        'a declaration without a name',
        { contents: [{ parts: [{ text: 'x' }] }], tools: [{ functionDeclarations: [{}] }] },
        'function_declarations[0].name',
      ],
      ['no contents at all', {}, 'contents is not specified'],
      [
        'a maxOutputTokens that is not a positive integer',
        { ...nativeBody, generationConfig: { maxOutputTokens: 'many' } },
        'max_output_tokens',
      ],
      [
        'stop sequences that are not strings',
        { ...nativeBody, generationConfig: { stopSequences: 'END' } },
        'stop_sequences',
      ],
      [
        'allowedFunctionNames that is not a list',
        { ...nativeBody, toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: 5 } } },
        'allowed_function_names',
      ],
    ])('native: %s', async (_case, body, named) => {
      const response = await native({ body });
      expect(response.status).toBe(400);
      const error = ((await response.json()) as { error: { status: string; message: string } }).error;
      expect(error.status).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain(named);
    });

    it.each([
      ['a message that is not an object', { ...chatBody, messages: [null] }, 'messages[0]'],
      ['a message without a role', { ...chatBody, messages: [{ content: 'x' }] }, 'messages[0]'],
      ['tools not a list', { ...chatBody, tools: 'x', tool_choice: 'auto' }, 'tools'],
      ['a tool that is not an object', { ...chatBody, tools: [null], tool_choice: 'auto' }, 'tools[0]'],
      ['a max_tokens that is not a positive integer', { ...chatBody, max_tokens: 'lots' }, 'max_tokens'],
      ['a stop that is neither text nor texts', { ...chatBody, stop: [1] }, 'stop'],
    ])('OpenAI: %s', async (_case, body, param) => {
      const response = await chat({ body });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', param } });
    });

    it('OpenAI: tool_calls that are not a list in history do not crash the tool-result reader', async () => {
      const response = await chat({
        body: {
          model: 'gemini-2.0-flash',
          messages: [
            { role: 'user', content: 'hello' },
            { role: 'assistant', content: null, tool_calls: { id: 'x' } },
            { role: 'tool', tool_call_id: 'x', content: '{"ok":true}' },
          ],
        },
      });
      expect(response.status).toBe(200);
      const completion = (await response.json()) as { choices: { message: { content: string } }[] };
      expect(completion.choices[0]!.message.content).toContain('tool returned {"ok":true}');
    });

    it.each([
      ['native embedContent', 1e9],
      ['native embedContent', 0],
      ['native embedContent', 'big'],
    ])('%s with outputDimensionality %s is a 400, not a huge allocation', async (_case, dimensions) => {
      const response = await native({
        path: '/gemini/v1beta/models/gemini-embedding-001:embedContent',
        body: { content: { parts: [{ text: 'x' }] }, outputDimensionality: dimensions },
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
        'output_dimensionality',
      );
    });

    it('batchEmbedContents without requests, or with a request without content, is a 400', async () => {
      const path = '/gemini/v1beta/models/gemini-embedding-001:batchEmbedContents';
      expect((await native({ path, body: {} })).status).toBe(400);
      expect((await native({ path, body: { requests: [{ content: 'x' }] } })).status).toBe(400);
    });

    it('OpenAI embeddings with absurd dimensions is a 400 naming dimensions', async () => {
      const response = await fetch(`${gateway.openaiBaseURL}/embeddings`, {
        method: 'POST',
        headers: { authorization: 'Bearer good-key' },
        body: JSON.stringify({ model: 'gemini-embedding-001', input: 'x', dimensions: 1e9 }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { param: 'dimensions' } });
    });
  });

  describe('x-mock-error-shape', () => {
    it.each([
      ['google', { error: { code: 503, status: 'UNAVAILABLE' } }],
      ['openai', { error: { type: 'api_error', param: null, code: '503' } }],
      ['flat', { code: 'UNAVAILABLE', type: 'api_error' }],
      ['google-array', [{ error: { code: 503, status: 'UNAVAILABLE' } }]],
    ])('%s', async (shape, expected) => {
      const response = await chat({ headers: { 'x-mock-fault': '503', 'x-mock-error-shape': shape } });
      expect(await response.json()).toMatchObject(expected);
    });
  });
});
