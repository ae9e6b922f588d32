import type { Transport, TransportRequest } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { createEmbeddings } from './embeddings.js';

/** A transport that answers every call with `body`, as the gateway would. */
function answering(body: unknown): Transport {
  return {
    baseURL: 'http://127.0.0.1:9/v1',
    request: async (_request: TransportRequest) => ({
      kind: 'json',
      status: 200,
      headers: {},
      requestId: 'req-embed',
      body,
    }),
    holdUnreadStream: () => () => {},
    close: async () => {},
  };
}

const params = { model: 'gemini-embedding-001', input: ['a', 'b'] };
const vectors = [
  { object: 'embedding', index: 0, embedding: [0.1, 0.2] },
  { object: 'embedding', index: 1, embedding: [0.3, 0.4] },
];

describe('createEmbeddings usage', () => {
  it('keeps the wire fields, as openai users read them, beside the neutral ones', async () => {
    const transport = answering({
      object: 'list',
      data: vectors,
      model: 'gemini-embedding-001',
      usage: { prompt_tokens: 7, total_tokens: 7 },
    });
    const { usage } = await createEmbeddings({ transport, params });
    expect(usage).toMatchObject({
      prompt_tokens: 7,
      total_tokens: 7,
      inputTokens: 7,
      outputTokens: 0,
      totalTokens: 7,
    });
  });

  it('fills total_tokens from prompt_tokens when the gateway leaves it out', async () => {
    const transport = answering({ data: vectors, usage: { prompt_tokens: 5 } });
    const { usage } = await createEmbeddings({ transport, params });
    expect(usage?.total_tokens).toBe(5);
    expect(usage?.totalTokens).toBe(5);
  });

  it('is undefined when the answer carries no usage', async () => {
    const { usage } = await createEmbeddings({ transport: answering({ data: vectors }), params });
    expect(usage).toBeUndefined();
  });
});
