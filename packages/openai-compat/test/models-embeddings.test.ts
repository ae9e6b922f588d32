import { InvalidArgumentError, NotFoundError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();

describe('models.list', () => {
  it('lists the models as .data and as an async iterable', async () => {
    const client = mock.client();
    const list = await client.models.list();
    expect(mock.gateway.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/models' });
    const ids = list.data.map((model) => model.id);
    expect(ids).toContain('gemini-2.5-flash-nothink');
    const iterated: string[] = [];
    for await (const model of client.models.list()) iterated.push(model.id);
    expect(iterated).toEqual(ids);
  });
});

describe('models.retrieve', () => {
  it('gives the model the gateway lists under the id, with or without a models/ prefix', async () => {
    const client = mock.client();
    const model = await client.models.retrieve('gemini-2.5-flash');
    expect(model).toMatchObject({ id: 'gemini-2.5-flash', object: 'model', owned_by: 'google' });
    expect(mock.gateway.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/models' });
    expect((await client.models.retrieve('models/gemini-3-pro-preview')).id).toBe('gemini-3-pro-preview');
  });

  it('is a NotFoundError naming the id when the gateway does not list it', async () => {
    const client = mock.client();
    const error = await client.models.retrieve('gemini-9-ultra').catch((caught: unknown) => caught);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('"gemini-9-ultra"');
  });

  it('refuses an id that is not a string before sending', async () => {
    const client = mock.client();
    const error = await client.models.retrieve(42 as unknown as string).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('id');
    expect(mock.gateway.requests).toHaveLength(0);
  });
});

describe('embeddings.create', () => {
  it('returns float vectors, and decodes base64 ones to the same numbers', async () => {
    const client = mock.client();
    const input = ['The quick brown fox', 'jumps over the lazy dog'];
    const floats = await client.embeddings.create({ model: 'gemini-embedding-001', input, dimensions: 8 });
    expect(floats.embeddings).toHaveLength(2);
    expect(floats.embeddings[0]).toHaveLength(8);
    expect(floats.usage?.inputTokens).toBeGreaterThan(0);

    const base64 = await client.embeddings.create({
      model: 'gemini-embedding-001',
      input,
      dimensions: 8,
      encoding_format: 'base64',
    });
    expect(mock.lastBody().encoding_format).toBe('base64');
    // float32 on the wire: equal to the JSON floats at float32 precision.
    expect(base64.embeddings.map((vector) => vector.map(Math.fround))).toEqual(
      floats.embeddings.map((vector) => vector.map(Math.fround)),
    );
    expect(base64.data[1]).toMatchObject({ object: 'embedding', index: 1 });
  });

  it('rejects an empty input before sending', async () => {
    await expect(
      mock.client().embeddings.create({ model: 'gemini-embedding-001', input: [] }),
    ).rejects.toSatisfy(
      (error) =>
        InvalidArgumentError.isInstance(error) &&
        (error as InvalidArgumentError).argument === 'input' &&
        /at least 1|>=1/.test((error as InvalidArgumentError).message),
    );
    expect(mock.gateway.requests).toHaveLength(0);
  });
});
