import { getEventListeners } from 'node:events';
import {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  GemgateError,
  NotFoundError,
  RateLimitError,
  ServerError,
  StreamInterruptedError,
  TimeoutError,
} from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { createOpenAICompat } from '../src/index.js';
import { testApiKey, useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
const params = { model: 'gemini-2.0-flash', messages: [{ role: 'user' as const, content: 'Hello' }] };

async function rejection(promise: Promise<unknown>): Promise<GemgateError> {
  try {
    await promise;
  } catch (error) {
    if (GemgateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('error bodies in every shape the gateway sends', () => {
  const shapes = ['openai', 'google', 'flat', 'google-array'] as const;
  const faults = [
    ['429; retry-after=2', RateLimitError, 429],
    ['500', ServerError, 500],
    ['503', ServerError, 503],
  ] as const;

  for (const shape of shapes) {
    for (const [fault, errorClass, status] of faults) {
      it(`turns a ${shape}-shaped ${status} into ${errorClass.name}`, async () => {
        const client = mock.client({ headers: { 'x-mock-error-shape': shape, 'x-mock-fault': fault } });
        const error = await rejection(client.chat.completions.create(params));
        expect(errorClass.isInstance(error)).toBe(true);
        expect(error.statusCode).toBe(status);
        expect(error.requestId).toMatch(/^mock-/);
        if (RateLimitError.isInstance(error)) expect(error.retryAfterMs).toBe(2000);
      });
    }

    it(`turns a ${shape}-shaped 400 from the gateway into BadRequestError with its message`, async () => {
      const client = mock.client({
        headers: { 'x-mock-error-shape': shape },
        middleware: [
          (request, next) => {
            // Remove the tool_choice gemgate added, so the gateway answers its tools-without-tool_choice 400.
            delete (request.body as Record<string, unknown>).tool_choice;
            return next(request);
          },
        ],
      });
      const error = await rejection(
        client.chat.completions.create({
          ...params,
          tools: [
            { type: 'function', function: { name: 'noop', parameters: { type: 'object', properties: {} } } },
          ],
        }),
      );
      expect(BadRequestError.isInstance(error)).toBe(true);
      expect(error.statusCode).toBe(400);
      expect(error.message).toContain('tool_choice');
    });
  }

  it('reports a wrong key as AuthenticationError without the key anywhere in it', async () => {
    const wrongKey = 'sk-wrong-key-that-must-not-leak-42';
    const client = mock.client({ apiKey: wrongKey });
    const error = await rejection(client.chat.completions.create(params));
    expect(AuthenticationError.isInstance(error)).toBe(true);
    const everything = `${error.message} ${String(error)} ${JSON.stringify(error)} ${error.stack}`;
    expect(everything).not.toContain(wrongKey);
    expect(everything).not.toContain(testApiKey);
  });

  it('reports a 404 with an event-stream content type as NotFoundError', async () => {
    const client = mock.client({ headers: { 'x-mock-fault': '404-event-stream' } });
    const error = await rejection(client.chat.completions.create({ ...params, stream: true }));
    expect(NotFoundError.isInstance(error)).toBe(true);
  });
});

describe('failures during a stream', () => {
  it('raises an error object met inside the stream from the loop and from finalCompletion()', async () => {
    const client = mock.client({ headers: { 'x-mock-fault': 'error-in-stream' } });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    const error = await rejection(
      (async () => {
        for await (const _chunk of stream) {
          // read until the error event
        }
      })(),
    );
    expect(ServerError.isInstance(error)).toBe(true);
    await expect(stream.finalCompletion()).rejects.toBe(error);
  });

  it('raises StreamInterruptedError when the connection drops mid-stream', async () => {
    const client = mock.client({ headers: { 'x-mock-fault': 'reset-mid-stream; after=1' } });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    const error = await rejection(stream.finalCompletion());
    expect(StreamInterruptedError.isInstance(error)).toBe(true);
  });
});

describe('per-call options', () => {
  it('stops at the caller’s AbortSignal', async () => {
    const client = mock.client({ headers: { 'x-mock-fault': 'slow-first-byte=2000' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(client.chat.completions.create(params, { signal: controller.signal }));
    expect(AbortedError.isInstance(error)).toBe(true);
  });

  it('closes a stream on abort(), read or not, and on the caller’s signal', async () => {
    // The second chunk would come after a minute: each stream can only end here by its abort.
    const client = mock.client({ headers: { 'x-mock-fault': 'slow-chunks=60000' } });
    const unread = await client.chat.completions.create({ ...params, stream: true });
    unread.abort();
    await expect(unread.finalCompletion()).rejects.toSatisfy((error) => AbortedError.isInstance(error));

    const reading = await client.chat.completions.create({ ...params, stream: true });
    setTimeout(() => reading.abort(), 50);
    const loopError = await rejection(
      (async () => {
        for await (const _chunk of reading) {
          // read until aborted
        }
      })(),
    );
    expect(AbortedError.isInstance(loopError)).toBe(true);
    await expect(reading.finalCompletion()).rejects.toBe(loopError);

    const controller = new AbortController();
    const bySignal = await client.chat.completions.create(
      { ...params, stream: true },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 50);
    expect(AbortedError.isInstance(await rejection(bySignal.finalCompletion()))).toBe(true);
  });

  it('stops listening to the caller’s signal once a stream is over', async () => {
    const controller = new AbortController();
    const stream = await mock
      .client()
      .chat.completions.create({ ...params, stream: true }, { signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort').length).toBeGreaterThan(0);
    await stream.finalCompletion();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('applies a per-call first-byte timeout and headers', async () => {
    const client = mock.client();
    const error = await rejection(
      client.chat.completions.create(params, {
        headers: { 'x-mock-fault': 'slow-first-byte=2000' },
        timeout: { firstByte: 100 },
      }),
    );
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).phase).toBe('firstByte');
  });
});

describe('retries', () => {
  it('retries a 503 and succeeds on the next try', async () => {
    mock.gateway.scheduleFault({ fault: '503', times: 1, path: /chat\/completions/ });
    const client = createOpenAICompat({
      apiKey: testApiKey,
      baseURL: mock.gateway.openaiBaseURL,
      maxRetries: 1,
    });
    try {
      const completion = await client.chat.completions.create(params);
      expect(completion.text.length).toBeGreaterThan(0);
      expect(mock.gateway.requests).toHaveLength(2);
    } finally {
      await client.close();
    }
  });
});
