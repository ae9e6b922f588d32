/**
 * Answers of the OpenAI route are checked against their lenient wire shapes: a malformed one is
 * a `ResponseValidationError` naming the path at fault, not a cast that fails later (or never).
 */
import { GemgateError, ResponseValidationError, type TransportResponse } from '@gemgate/core-transport';
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

function streaming(events: unknown[]) {
  return answering({
    kind: 'stream',
    events: (async function* () {
      yield* events;
    })(),
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

const completion = (message: Record<string, unknown>) => ({
  id: 'resp-1',
  object: 'chat.completion',
  created: 1,
  model: 'gemini-2.0-flash',
  choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: 'stop' }],
});

describe('a chat completion', () => {
  it('names the tool call whose function is missing, at create time', async () => {
    const error = await rejection(
      answering({
        body: completion({ content: null, tool_calls: [{ id: 'c1', type: 'function' }] }),
      }).chat.completions.create(params),
    );
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ path: 'choices.0.message.tool_calls.0.function', requestId: 'req-odd' });
  });

  it('names content that is neither text nor parts', async () => {
    const error = await rejection(
      answering({ body: completion({ content: 42 }) }).chat.completions.create(params),
    );
    expect(error).toMatchObject({ path: 'choices.0.message.content' });
  });

  it('keeps fields it does not know, and an empty tool-call id as Google sends it', async () => {
    const body = {
      ...completion({
        content: null,
        tool_calls: [{ id: '', type: 'function', function: { name: 'f', arguments: '{}' }, future: 1 }],
      }),
      system_fingerprint: 'x',
    };
    const result = await answering({ body }).chat.completions.create(params);
    expect(result.raw).toBe(body);
    expect(result.toolCalls).toMatchObject([{ id: '', name: 'f', arguments: {} }]);
  });
});

describe('a streamed chunk', () => {
  it('names the delta field of the wrong type', async () => {
    const stream = await streaming([
      {
        id: 'r',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [{ index: 0, delta: { content: 'a' } }],
      },
      {
        id: 'r',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [{ index: 0, delta: { content: 7 } }],
      },
    ]).chat.completions.create({ ...params, stream: true });
    const error = await rejection(stream.finalCompletion());
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ path: 'events.1.choices.0.delta.content' });
  });

  it('names a tool-call delta whose arguments are neither text nor an object', async () => {
    const stream = await streaming([
      {
        choices: [
          { index: 0, delta: { tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: 5 } }] } },
        ],
      },
    ]).chat.completions.create({ ...params, stream: true });
    const error = await rejection(stream.finalCompletion());
    expect(error).toMatchObject({ path: 'events.0.choices.0.delta.tool_calls.0.function.arguments' });
  });
});

describe('models and embeddings', () => {
  it('name the model without an id and the embedding without a vector', async () => {
    const models = await rejection(answering({ body: { data: [{ object: 'model' }] } }).models.list());
    expect(models).toMatchObject({ path: 'data.0.id' });
    const embeddings = await rejection(
      answering({ body: { data: [{ index: 0, embedding: [0.5, 'x'] }] } }).embeddings.create({
        model: 'gemini-embedding-001',
        input: 'a',
      }),
    );
    expect(ResponseValidationError.isInstance(embeddings)).toBe(true);
    expect((embeddings as ResponseValidationError).path).toMatch(/^data\.0\.embedding/);
  });
});
