import {
  GemgateError,
  RateLimitError,
  ResponseValidationError,
  type TransportResponse,
} from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
const params = { model: 'gemini-2.0-flash', messages: [{ role: 'user' as const, content: 'Hello' }] };

/** A client whose middleware answers every call with `response` (a stand-in for an odd gateway). */
function answering(response: Partial<TransportResponse> & Record<string, unknown>) {
  return mock.client({
    middleware: [
      async () =>
        ({ kind: 'json', status: 200, headers: {}, requestId: 'req-odd', ...response }) as TransportResponse,
    ],
  });
}

async function rejection(promise: Promise<unknown>): Promise<GemgateError> {
  try {
    await promise;
  } catch (error) {
    if (GemgateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('answers that are not what was asked for', () => {
  const rateLimited = { error: { code: 429, message: 'Resource exhausted.', status: 'RESOURCE_EXHAUSTED' } };

  it('turns an error envelope sent with status 200 into the typed error it describes, on every method', async () => {
    const client = answering({ body: rateLimited });
    const errors = [
      await rejection(client.chat.completions.create(params)),
      await rejection(client.models.list()),
      await rejection(client.embeddings.create({ model: 'gemini-embedding-001', input: 'a' })),
      await rejection(answering({ body: [rateLimited] }).chat.completions.create(params)),
    ];
    for (const error of errors) {
      expect(RateLimitError.isInstance(error)).toBe(true);
      expect(error.message).toContain('Resource exhausted.');
    }
  });

  it('keeps the key out of an error built from a 200 envelope that echoes it', async () => {
    // Not shaped like a key (no `sk-`), so only knowing the key can scrub it.
    const apiKey = 'plain-words-secret-0451';
    const echoed = {
      error: { code: 401, message: `Invalid token ${apiKey} (request id: tid-1)`, status: 'UNAUTHENTICATED' },
    };
    const client = mock.client({
      apiKey,
      middleware: [
        async () =>
          ({
            kind: 'json',
            status: 200,
            headers: {},
            requestId: 'req-odd',
            body: echoed,
          }) as TransportResponse,
      ],
    });
    for (const call of [
      client.chat.completions.create(params),
      client.models.list(),
      client.embeddings.create({ model: 'gemini-embedding-001', input: 'a' }),
    ]) {
      const error = await rejection(call);
      const everything = `${error.message} ${String(error)} ${JSON.stringify(error)} ${error.stack}`;
      expect(everything).toContain('Invalid token');
      expect(everything).not.toContain(apiKey);
    }
  });

  it('reports a stream answered to a JSON call, and JSON answered to a stream call', async () => {
    const asStream = answering({ kind: 'stream', events: (async function* () {})() });
    const jsonCall = await rejection(asStream.chat.completions.create(params));
    expect(ResponseValidationError.isInstance(jsonCall)).toBe(true);
    expect(jsonCall.requestId).toBe('req-odd');
    const embeddings = await rejection(
      asStream.embeddings.create({ model: 'gemini-embedding-001', input: 'a' }),
    );
    expect(ResponseValidationError.isInstance(embeddings)).toBe(true);
    const streamCall = await rejection(
      answering({ body: { choices: [] } }).chat.completions.create({ ...params, stream: true }),
    );
    expect(ResponseValidationError.isInstance(streamCall)).toBe(true);
  });

  it('names the missing piece of a body without choices, data or vectors', async () => {
    const noChoices = await rejection(answering({ body: { id: 'x' } }).chat.completions.create(params));
    expect(noChoices).toMatchObject({ path: 'choices', requestId: 'req-odd' });
    const noData = await rejection(answering({ body: {} }).models.list());
    expect(noData).toMatchObject({ path: 'data', requestId: 'req-odd' });
    const noVector = await rejection(
      answering({ body: { data: [{ index: 0, embedding: [0.5] }, { index: 1 }] } }).embeddings.create({
        model: 'gemini-embedding-001',
        input: ['a', 'b'],
      }),
    );
    expect(ResponseValidationError.isInstance(noVector)).toBe(true);
    expect(noVector).toMatchObject({ path: 'data.1.embedding' });
  });

  it('puts embeddings that arrive out of order back in input order', async () => {
    const result = await answering({
      body: {
        data: [
          { index: 1, embedding: [2] },
          { index: 0, embedding: [1] },
        ],
      },
    }).embeddings.create({ model: 'gemini-embedding-001', input: ['a', 'b'] });
    expect(result.embeddings).toEqual([[1], [2]]);
  });
});
