import type { Middleware } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '../src/index.js';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
const ask = [{ role: 'user' as const, content: 'Explain the Occam’s Razor concept in one paragraph.' }];

describe('usage as code written for openai reads it', () => {
  it('answers completion.usage.prompt_tokens and the neutral fields on the same object', async () => {
    const completion = await mock
      .client()
      .chat.completions.create({ model: 'gemini-2.0-flash', messages: ask });
    const wire = completion.raw.usage!;
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage?.prompt_tokens).toBe(wire.prompt_tokens);
    expect(completion.usage?.completion_tokens).toBe(wire.completion_tokens);
    expect(completion.usage?.total_tokens).toBe(wire.total_tokens);
    expect(completion.usage?.prompt_tokens_details).toEqual(wire.prompt_tokens_details);
    expect(completion.usage?.inputTokens).toBe(wire.prompt_tokens);
    expect(completion.usage?.totalTokens).toBe(wire.total_tokens);
  });

  it("answers a stream's last chunk usage.total_tokens, and the aggregate's", async () => {
    const stream = await mock.client().chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: ask,
      reasoning_effort: 'low',
      stream: true,
    });
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const last = chunks.at(-1)!;
    expect(last.usage?.total_tokens).toBeGreaterThan(0);
    expect(last.usage?.total_tokens).toBe(last.raw.usage?.total_tokens);
    expect(last.usage?.totalTokens).toBe(last.usage?.total_tokens);
    expect(last.usage?.inputTokens).toBe(last.usage?.prompt_tokens);
    expect(last.usage?.reasoningTokens).toBeGreaterThan(0);
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === undefined)).toBe(true);
    const completion = await stream.finalCompletion();
    expect(completion.usage?.total_tokens).toBe(last.usage?.total_tokens);
    expect(completion.usage?.outputTokens).toBe(last.usage?.outputTokens);
  });

  it("counts thinking that Google's own endpoint reports only in total_tokens", async () => {
    // Rewrites the mock's answer into the shape Google's OpenAI endpoint sends: completion_tokens
    // without the thinking, no *_details, the thinking only in total_tokens.
    const googleStyleUsage: Middleware = async (request, next) => {
      const response = await next(request);
      if (response.kind !== 'json') return response;
      const body = response.body as { usage: Record<string, unknown> };
      return {
        ...response,
        body: { ...body, usage: { prompt_tokens: 35, completion_tokens: 12, total_tokens: 109 } },
      };
    };
    const completion = await mock
      .client({ middleware: [googleStyleUsage] })
      .chat.completions.create({ model: 'gemini-2.5-flash', messages: ask, reasoning_effort: 'low' });
    expect(completion.usage).toMatchObject({
      prompt_tokens: 35,
      completion_tokens: 12,
      total_tokens: 109,
      inputTokens: 35,
      outputTokens: 74,
      reasoningTokens: 62,
      totalTokens: 109,
    });
  });

  it('gives undefined usage when the stream was asked for none', async () => {
    const stream = await mock.client().chat.completions.create({
      model: 'gemini-2.0-flash',
      messages: ask,
      stream: true,
      stream_options: { include_usage: false },
    });
    for await (const chunk of stream) expect(chunk.usage).toBeUndefined();
    expect((await stream.finalCompletion()).usage).toBeUndefined();
  });
});
