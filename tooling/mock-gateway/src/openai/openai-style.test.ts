import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockGateway } from '../start-mock-gateway.js';
import type { MockGateway } from '../types.js';

let gateway: MockGateway;

beforeAll(async () => {
  gateway = await startMockGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

type Json = Record<string, any>;

function chat({ body, headers = {} }: { body: Json; headers?: Record<string, string> }) {
  return fetch(`${gateway.openaiBaseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer k', ...headers },
    body: JSON.stringify({ model: 'gemini-2.5-flash', ...body }),
  });
}

async function completion(options: { body: Json; headers?: Record<string, string> }): Promise<Json> {
  return (await (await chat(options)).json()) as Json;
}

const user = (content: unknown) => ({ messages: [{ role: 'user', content }] });
const weatherTools = {
  tools: [
    {
      type: 'function',
      function: {
        name: 'get_weather',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      },
    },
  ],
  tool_choice: 'auto',
};

describe('OpenAI route shaped as Google traffic through the gateway', () => {
  it('ids are Gemini response ids, not chatcmpl-…; x-mock-completion-id: chatcmpl restores those', async () => {
    const answer = await completion({ body: user('Hello') });
    expect(answer.id).toMatch(/^[a-z0-9]{22}$/);
    const classic = await completion({
      body: user('Hello'),
      headers: { 'x-mock-completion-id': 'chatcmpl' },
    });
    expect(classic.id).toMatch(/^chatcmpl-/);
  });

  it("x-mock-tool-call-id: empty sends tool calls whose id is ''", async () => {
    const answer = await completion({
      body: { ...user('Use get_weather for Oslo'), ...weatherTools },
      headers: { 'x-mock-tool-call-id': 'empty' },
    });
    const calls = answer.choices[0].message.tool_calls;
    expect(calls).toHaveLength(1);
    expect(calls[0].id).toBe('');
    expect(calls[0].function.name).toBe('get_weather');
  });

  it('x-mock-signature-place: message puts the Gemini 3 signature on the message, and takes it back there', async () => {
    const headers = { 'x-mock-signature-place': 'message' };
    const body = { model: 'gemini-3-pro-preview', ...user('Use get_weather for Oslo'), ...weatherTools };
    const answer = await completion({ body, headers });
    const message = answer.choices[0].message;
    expect(message.extra_content.google.thought_signature).toEqual(expect.any(String));
    expect(message.tool_calls[0].extra_content).toBeUndefined();
    const next = await chat({
      body: {
        ...body,
        messages: [
          ...body.messages,
          message,
          { role: 'tool', tool_call_id: message.tool_calls[0].id, content: '{"temperature": 3}' },
        ],
      },
      headers,
    });
    expect(next.status).toBe(200);

    const streamed = await (await chat({ body: { ...body, stream: true }, headers })).text();
    expect(streamed).toContain('"extra_content":{"google":{"thought_signature"');
  });

  it('x-mock-usage-style: reasoning-only-in-total hides thinking in total_tokens, without details', async () => {
    const answer = await completion({
      body: { ...user('Think about it'), reasoning_effort: 'low' },
      headers: { 'x-mock-usage-style': 'reasoning-only-in-total' },
    });
    const usage = answer.usage;
    expect(Object.keys(usage).sort()).toEqual(['completion_tokens', 'prompt_tokens', 'total_tokens']);
    expect(usage.total_tokens).toBeGreaterThan(usage.prompt_tokens + usage.completion_tokens);
  });

  it('streams open with SSE comment lines (: PROCESSING) before the first data line; off on request', async () => {
    const text = await (await chat({ body: { ...user('Hello'), stream: true } })).text();
    expect(text.startsWith(': PROCESSING\n\n')).toBe(true);
    const quiet = await (
      await chat({ body: { ...user('Hello'), stream: true }, headers: { 'x-mock-sse-comments': 'off' } })
    ).text();
    expect(quiet.startsWith('data: ')).toBe(true);
  });
});
