import {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  type CallContext,
  ConflictError,
  ConnectionError,
  type GemgateError,
  InvalidArgumentError,
  type Middleware,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  StreamInterruptedError,
  TimeoutError,
  UnprocessableEntityError,
  UpstreamError,
} from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import type { GenerateContentResponse } from '../src/index.js';
import { apiKey, useGateway } from './gateway.js';

const { gateway, client } = useGateway();

async function failureOf(run: () => Promise<unknown>): Promise<GemgateError> {
  try {
    await run();
  } catch (error) {
    return error as GemgateError;
  }
  throw new Error('expected the call to fail');
}

function generateWith(options: Parameters<typeof client>[0], model = 'gemini-2.0-flash') {
  return () => client({ maxRetries: 0, ...options }).models.generateContent({ model, contents: 'hi' });
}

async function drain(stream: AsyncIterable<GenerateContentResponse>) {
  for await (const _chunk of stream) {
    // reading to the end
  }
}

describe('every error class, through the client', () => {
  it('InvalidArgumentError: -nothink / -search ids are refused before sending, pointing to openai-compat', async () => {
    const gemini = client();
    for (const model of ['gemini-2.5-flash-nothink', 'gemini-2.5-pro-search']) {
      const error = await failureOf(() => gemini.models.generateContent({ model, contents: 'hi' }));
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect(error.message).toContain('createOpenAICompat');
    }
    expect(() =>
      gemini.models.generateContentStream({ model: 'gemini-2.5-flash-nothink', contents: 'hi' }),
    ).toThrow(/openai-compat/);
    expect(gateway().requests).toHaveLength(0);
  });

  it('InvalidArgumentError: thinking rules from the catalog, checked before sending', async () => {
    const gemini = client();
    const cases = [
      { model: 'gemini-2.5-pro', thinkingConfig: { thinkingBudget: 0 }, message: /cannot turn thinking off/ },
      { model: 'gemini-2.5-flash', thinkingConfig: { thinkingBudget: 30_000 }, message: /out of range/ },
      {
        model: 'gemini-3-pro-preview',
        thinkingConfig: { thinkingBudget: 1024, thinkingLevel: 'high' },
        message: /not both/,
      },
    ];
    for (const { model, thinkingConfig, message } of cases) {
      const error = await failureOf(() =>
        gemini.models.generateContent({ model, contents: 'hi', config: { thinkingConfig } }),
      );
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect(error.message).toMatch(message);
    }
    expect(gateway().requests).toHaveLength(0);
  });

  it('a thinking budget on 2.5 Pro is a documented warning, and the request is sent', async () => {
    const warnings: string[] = [];
    const gemini = client({ logger: { debug: () => {}, warn: (message) => warnings.push(message) } });
    await gemini.models.generateContent({
      model: 'gemini-2.5-pro',
      contents: 'hi',
      config: { thinkingConfig: { thinkingBudget: 2048 } },
    });
    expect(warnings).toEqual([
      expect.stringMatching(/gemini-2.5-pro: Google has retired the Gemini 2.5 models/),
      expect.stringMatching(/advises not to set thinkingBudget for gemini-2.5-pro/),
    ]);
    expect(gateway().requests).toHaveLength(1);
  });

  it('AuthenticationError for a wrong key, with no key in the error', async () => {
    const error = await failureOf(generateWith({ apiKey: 'sk-wrong-key-0000000000000000' }));
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(401);
    const serialised = JSON.stringify(error.toJSON()) + error.message + String(error.stack);
    expect(serialised).not.toContain('sk-wrong-key-0000000000000000');
    expect(serialised).not.toContain(apiKey);
  });

  it('BadRequestError for a 400, carrying the upstream status', async () => {
    const error = await failureOf(generateWith({ headers: { 'x-mock-fault': '400' } }));
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(error.upstreamStatus).toBe('INVALID_ARGUMENT');
  });

  it('PermissionDeniedError for a 403', async () => {
    const error = await failureOf(generateWith({ headers: { 'x-mock-fault': '403' } }));
    expect(PermissionDeniedError.isInstance(error)).toBe(true);
  });

  it('NotFoundError for a 404', async () => {
    const error = await failureOf(() => client().models.get({ model: 'gemini-unknown' }));
    expect(NotFoundError.isInstance(error)).toBe(true);
  });

  it('ConflictError for a 409 and UnprocessableEntityError for a 422', async () => {
    expect(
      ConflictError.isInstance(await failureOf(generateWith({ headers: { 'x-mock-fault': '409' } }))),
    ).toBe(true);
    expect(
      UnprocessableEntityError.isInstance(
        await failureOf(generateWith({ headers: { 'x-mock-fault': '422' } })),
      ),
    ).toBe(true);
  });

  it('RateLimitError carries the RetryInfo delay', async () => {
    const error = await failureOf(generateWith({ headers: { 'x-mock-fault': '429; retry-info=1.5s' } }));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).retryAfterMs).toBe(1500);
  });

  it('a 503 is retried, then succeeds', async () => {
    gateway().scheduleFault({ fault: '503', times: 1 });
    const response = await client({ maxRetries: 1 }).models.generateContent({
      model: 'gemini-2.0-flash',
      contents: 'hi',
    });
    expect(response.text.length).toBeGreaterThan(0);
    expect(gateway().requests).toHaveLength(2);
  });

  it('ServerError once retries are spent', async () => {
    const error = await failureOf(generateWith({ headers: { 'x-mock-fault': '500' } }));
    expect(ServerError.isInstance(error)).toBe(true);
  });

  it('UpstreamError for another status', async () => {
    const error = await failureOf(generateWith({ headers: { 'x-mock-fault': '418' } }));
    expect(UpstreamError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(418);
  });

  it('TimeoutError naming the first-byte phase', async () => {
    const error = await failureOf(
      generateWith({ headers: { 'x-mock-fault': 'slow-first-byte=2500' }, timeout: { firstByte: 200 } }),
    );
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).phase).toBe('firstByte');
  });

  it('ConnectionError for a reset before the headers', async () => {
    const error = await failureOf(generateWith({ headers: { 'x-mock-fault': 'reset-before-headers' } }));
    expect(ConnectionError.isInstance(error)).toBe(true);
  });

  it('AbortedError when the caller aborts', async () => {
    const controller = new AbortController();
    const call = client({ headers: { 'x-mock-fault': 'slow-first-byte=1000' } }).models.generateContent({
      model: 'gemini-2.0-flash',
      contents: 'hi',
      config: { abortSignal: controller.signal },
    });
    setTimeout(() => controller.abort(), 50);
    const error = await failureOf(() => call);
    expect(AbortedError.isInstance(error)).toBe(true);
  });

  it('StreamInterruptedError with the partial events when the connection drops mid-stream', async () => {
    const stream = client({
      headers: { 'x-mock-fault': 'reset-mid-stream; after=1' },
      maxRetries: 0,
    }).models.generateContentStream({ model: 'gemini-2.0-flash', contents: 'A long answer' });
    const error = await failureOf(() => drain(stream));
    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    expect((error as StreamInterruptedError).partial.length).toBe(1);
  });

  it('StreamInterruptedError for a truncated last event', async () => {
    const stream = client({
      headers: { 'x-mock-fault': 'truncate-event' },
      maxRetries: 0,
    }).models.generateContentStream({
      model: 'gemini-2.0-flash',
      contents: 'A long answer',
    });
    const error = await failureOf(() => drain(stream));
    expect(StreamInterruptedError.isInstance(error)).toBe(true);
  });

  it('ResponseValidationError with the path when a 2xx body has the wrong shape', async () => {
    const malformed: Middleware = async () => ({
      kind: 'json',
      status: 200,
      headers: {},
      requestId: 'req-1',
      body: { candidates: [{ content: { parts: [{ text: 42 }] } }] },
    });
    const error = await failureOf(() =>
      client({ middleware: [malformed] }).models.generateContent({
        model: 'gemini-2.0-flash',
        contents: 'hi',
      }),
    );
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect((error as ResponseValidationError).path).toBe('candidates.0.content.parts.0.text');
    expect(error.requestId).toBe('req-1');
  });

  it('sets route, operation and model in the middleware context', async () => {
    const seen: unknown[] = [];
    const observe: Middleware = (request, next) => {
      seen.push(request.context);
      return next(request);
    };
    await client({ middleware: [observe] }).models.generateContent({
      model: 'gemini-2.0-flash',
      contents: 'hi',
    });
    expect(seen).toEqual([
      { route: 'native', operation: 'generateContent', model: 'gemini-2.0-flash', stream: false },
    ]);
  });

  it('names the calls in the vocabulary both clients share', async () => {
    const seen: CallContext[] = [];
    const observe: Middleware = (request, next) => {
      if (request.context) seen.push(request.context);
      return next(request);
    };
    const gemini = client({ middleware: [observe] });
    await gemini.models.list();
    await gemini.models.get({ model: 'gemini-2.0-flash' });
    for await (const _chunk of gemini.models.generateContentStream({
      model: 'gemini-2.0-flash',
      contents: 'hi',
    })) {
      // Read to its end.
    }
    expect(seen).toEqual([
      // The same object the OpenAI-compatible client gives for its models.list.
      { route: 'native', operation: 'models.list', model: undefined, stream: false },
      { route: 'native', operation: 'models.get', model: 'gemini-2.0-flash', stream: false },
      { route: 'native', operation: 'streamGenerateContent', model: 'gemini-2.0-flash', stream: true },
    ]);
  });

  it('raises the typed error of a 2xx error envelope a middleware answers with, as the OpenAI client does', async () => {
    const rateLimited: Middleware = async () => ({
      kind: 'json',
      status: 200,
      headers: {},
      requestId: 'req-mw',
      body: { error: { code: 429, message: 'Resource exhausted.', status: 'RESOURCE_EXHAUSTED' } },
    });
    const gemini = client({ middleware: [rateLimited] });
    for (const call of [
      () => gemini.models.generateContent({ model: 'gemini-2.0-flash', contents: 'hi' }),
      () => gemini.models.countTokens({ model: 'gemini-2.0-flash', contents: 'hi' }),
      () => gemini.models.get({ model: 'gemini-2.0-flash' }),
    ]) {
      const error = await failureOf(call);
      expect(RateLimitError.isInstance(error)).toBe(true);
      expect(error.message).toContain('Resource exhausted.');
    }
  });
});
