import { BadRequestError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { APIPromise, ChatCompletionResult, ChatCompletionStream } from '../src/index.js';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
const messages = [{ role: 'user' as const, content: 'Say hello.' }];

describe('withResponse() and asResponse(), as in the openai package', () => {
  it('gives the completion with its HTTP answer and request id; await gives the completion as before', async () => {
    const client = mock.client();
    const call = client.chat.completions.create({ model: 'gemini-2.5-flash', messages });
    expect(call).toBeInstanceOf(APIPromise);
    const { data, response, request_id } = await call.withResponse();
    expect(data).toBeInstanceOf(ChatCompletionResult);
    expect(data.text.length).toBeGreaterThan(0);
    expect(response.status).toBe(200);
    expect(request_id).toMatch(/.+/);
    expect(response.headers.get('x-request-id')).toBe(request_id);
    expect(data.requestId).toBe(request_id);
    expect(await response.json()).toEqual(data.raw);
    // The same promise, awaited, is the completion itself: one request was sent.
    expect(await call).toBe(data);
    expect(mock.gateway.requests).toHaveLength(1);
  });

  it('asResponse() gives the HTTP answer with a readable JSON body', async () => {
    const client = mock.client();
    const response = await client.chat.completions
      .create({ model: 'gemini-2.5-flash', messages })
      .asResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/json/);
    // The body is written again from what was decoded, so the wire's length cannot hold.
    expect(response.headers.get('content-length')).toBeNull();
    const body = (await response.json()) as {
      object: string;
      choices: Array<{ message: { content: string } }>;
    };
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]?.message.content.length).toBeGreaterThan(0);
  });

  it('gives the stream as data for stream: true, and the stream as server-sent events from asResponse()', async () => {
    const client = mock.client();
    const {
      data: stream,
      response,
      request_id,
    } = await client.chat.completions
      .create({ model: 'gemini-2.5-flash', messages, stream: true })
      .withResponse();
    expect(stream).toBeInstanceOf(ChatCompletionStream);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/event-stream/);
    expect(request_id).toBe(response.headers.get('x-request-id'));
    let text = '';
    for await (const chunk of stream) text += chunk.text;
    expect(text.length).toBeGreaterThan(0);

    const raw = await client.chat.completions
      .create({ model: 'gemini-2.5-flash', messages, stream: true })
      .asResponse();
    const events = (await raw.text()).split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.slice('data: '.length)));
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe(text);
  });

  it('rejects withResponse() and await alike with the typed error of a failed call', async () => {
    const client = mock.client();
    const call = client.chat.completions.create(
      { model: 'gemini-2.5-flash', messages },
      { headers: { 'x-mock-fault': '400' } },
    );
    await expect(call.withResponse()).rejects.toSatisfy((error) => BadRequestError.isInstance(error));
    await expect(call).rejects.toSatisfy((error) => BadRequestError.isInstance(error));
    await expect(call.asResponse()).rejects.toSatisfy((error) => BadRequestError.isInstance(error));
  });

  it('works on models.list, models.retrieve and embeddings.create', async () => {
    const client = mock.client();
    const list = await client.models.list().withResponse();
    expect(list.response.status).toBe(200);
    expect(list.data.data.length).toBeGreaterThan(0);
    expect(list.request_id).toBe(list.data.requestId);

    const model = await client.models.retrieve('gemini-2.5-flash').withResponse();
    expect(model.data.id).toBe('gemini-2.5-flash');
    expect(model.request_id).toMatch(/.+/);

    const embedding = await client.embeddings
      .create({ model: 'gemini-embedding-001', input: 'hi' })
      .asResponse();
    expect(((await embedding.json()) as { data: unknown[] }).data).toHaveLength(1);
  });
});
