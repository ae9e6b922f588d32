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

async function chunksOf(response: Response): Promise<Json[]> {
  const text = await response.text();
  const lines = text.split('\n\n').filter(Boolean);
  // Comment lines (`: PROCESSING`) may only lead the stream, as Google's endpoint sends them.
  const firstData = lines.findIndex((line) => line.startsWith('data: '));
  expect(lines.slice(0, firstData).every((line) => line === ': PROCESSING')).toBe(true);
  const events = lines.slice(firstData);
  expect(events.every((line) => line.startsWith('data: '))).toBe(true);
  expect(events.at(-1)).toBe('data: [DONE]');
  return events.slice(0, -1).map((event) => JSON.parse(event.slice('data: '.length)));
}

const user = (content: unknown) => ({ messages: [{ role: 'user', content }] });
const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

describe('OpenAI route', () => {
  it('stream: role in the first delta, finish_reason in the last choice chunk, usage chunk, [DONE]', async () => {
    const chunks = await chunksOf(
      await chat({ body: { ...user('hi'), stream: true, stream_options: { include_usage: true } } }),
    );
    expect(chunks[0]!.choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks.at(-2)!.choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 1 } });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('stream without include_usage has no usage chunk', async () => {
    const chunks = await chunksOf(await chat({ body: { ...user('hi'), stream: true } }));
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe('stop');
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
  });

  it('tool calls stream as indexed deltas by default', async () => {
    const chunks = await chunksOf(
      await chat({
        body: { ...user('call get_weather'), tools: [weather], tool_choice: 'auto', stream: true },
      }),
    );
    const deltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(deltas[0]).toMatchObject({
      index: 0,
      id: expect.any(String),
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    expect(deltas.slice(1).every((delta: Json) => delta.index === 0 && delta.id === undefined)).toBe(true);
    const args = deltas.map((delta: Json) => delta.function.arguments).join('');
    expect(JSON.parse(args)).toEqual({ city: expect.any(String) });
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe('tool_calls');
  });

  it('x-mock-tool-call-style: whole-no-index sends each call whole without index', async () => {
    const chunks = await chunksOf(
      await chat({
        body: { ...user('call get_weather'), tools: [weather], tool_choice: 'required', stream: true },
        headers: { 'x-mock-tool-call-style': 'whole-no-index' },
      }),
    );
    const deltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(deltas).toHaveLength(1);
    expect(deltas[0].index).toBeUndefined();
    expect(JSON.parse(deltas[0].function.arguments)).toEqual({ city: expect.any(String) });
  });

  it.each([
    ['reasoning_content', (message: Json) => message.reasoning_content],
    ['reasoning', (message: Json) => message.reasoning],
    ['thought-tags', (message: Json) => /^<thought>(.*)<\/thought>/s.exec(message.content)?.[1]],
  ])('x-mock-reasoning-format: %s', async (format, reasoningOf) => {
    const response = await chat({
      body: { ...user('think'), reasoning_effort: 'high' },
      headers: { 'x-mock-reasoning-format': format },
    });
    const message = ((await response.json()) as Json).choices[0].message;
    expect(reasoningOf(message)).toContain('Thinking it through');
  });

  it('reasoning streams before the content in the chosen field', async () => {
    const chunks = await chunksOf(
      await chat({
        body: { ...user('think'), reasoning_effort: 'low', stream: true },
        headers: { 'x-mock-reasoning-format': 'reasoning' },
      }),
    );
    const firstReasoning = chunks.findIndex((chunk) => chunk.choices[0]?.delta.reasoning);
    const firstContent = chunks.findIndex((chunk) => chunk.choices[0]?.delta.content);
    expect(firstReasoning).toBeGreaterThan(0);
    expect(firstContent).toBeGreaterThan(firstReasoning);
  });

  it('x-mock-usage-style: completion-excludes-reasoning', async () => {
    const body = { ...user('think'), reasoning_effort: 'low' };
    const included = ((await (await chat({ body })).json()) as Json).usage;
    const excluded = (
      (await (
        await chat({ body, headers: { 'x-mock-usage-style': 'completion-excludes-reasoning' } })
      ).json()) as Json
    ).usage;
    const reasoning = included.completion_tokens_details.reasoning_tokens;
    expect(reasoning).toBeGreaterThan(0);
    expect(excluded.completion_tokens).toBe(included.completion_tokens - reasoning);
    expect(excluded.total_tokens).toBe(included.total_tokens);
  });

  it('-nothink ids reject reasoning_effort other than none', async () => {
    const rejected = await chat({
      body: { model: 'gemini-2.5-flash-nothink', ...user('x'), reasoning_effort: 'low' },
    });
    expect(rejected.status).toBe(400);
    const accepted = await chat({
      body: { model: 'gemini-2.5-flash-nothink', ...user('x'), reasoning_effort: 'none' },
    });
    expect(accepted.status).toBe(200);
  });

  it('Gemini 3: the first tool call carries extra_content.google.thought_signature, required back', async () => {
    const model = 'gemini-3-flash-preview';
    const first = (await (
      await chat({ body: { model, ...user('use get_weather'), tools: [weather], tool_choice: 'auto' } })
    ).json()) as Json;
    const message = first.choices[0].message;
    expect(message.tool_calls[0].extra_content.google.thought_signature).toEqual(expect.any(String));
    const history = (assistant: Json) => ({
      model,
      tools: [weather],
      tool_choice: 'auto',
      messages: [
        { role: 'user', content: 'use get_weather' },
        assistant,
        { role: 'tool', tool_call_id: message.tool_calls[0].id, content: '{"temperature":9}' },
      ],
    });
    const accepted = await chat({ body: history(message) });
    expect(((await accepted.json()) as Json).choices[0].message.content).toContain(
      'get_weather returned {"temperature":9}',
    );
    const stripped = {
      ...message,
      tool_calls: message.tool_calls.map(({ extra_content: _, ...call }: Json) => call),
    };
    const rejected = await chat({ body: history(stripped) });
    expect(rejected.status).toBe(400);
    expect(((await rejected.json()) as Json).error.message).toContain('thought_signature');
  });

  it('Gemini 3 parallel calls: only the first carries the signature', async () => {
    const other = { ...weather, function: { ...weather.function, name: 'get_time' } };
    const body = (await (
      await chat({
        body: {
          model: 'gemini-3-pro-preview',
          ...user('get_weather and get_time'),
          tools: [weather, other],
          tool_choice: 'auto',
        },
      })
    ).json()) as Json;
    const calls = body.choices[0].message.tool_calls as Json[];
    expect(calls.map((item) => item.function.name)).toEqual(['get_weather', 'get_time']);
    expect(calls[0]!.extra_content.google.thought_signature).toEqual(expect.any(String));
    expect(calls[1]!.extra_content).toBeUndefined();
    expect(new Set(calls.map((item) => item.id)).size).toBe(2);
  });

  it('max_tokens ends with finish_reason length', async () => {
    const body = (await (
      await chat({ body: { model: 'gemini-2.0-flash', ...user('long'), max_tokens: 2 } })
    ).json()) as Json;
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBeLessThanOrEqual(2);
  });

  it('image_url data URLs are counted as image tokens', async () => {
    const data = Buffer.alloc(300).toString('base64');
    const body = (await (
      await chat({
        body: {
          model: 'gemini-2.0-flash',
          ...user([
            { type: 'text', text: 'what' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${data}` } },
          ]),
        },
      })
    ).json()) as Json;
    expect(body.usage.prompt_tokens).toBe(1 + 258);
  });

  it('x-mock-prompt-block answers finish_reason content_filter', async () => {
    const body = (await (
      await chat({ body: user('x'), headers: { 'x-mock-prompt-block': 'SAFETY' } })
    ).json()) as Json;
    expect(body.choices[0].finish_reason).toBe('content_filter');
  });

  it('x-mock-prompt-block streamed ends with finish_reason content_filter and no content', async () => {
    const chunks = await chunksOf(
      await chat({
        body: { ...user('x'), stream: true },
        headers: { 'x-mock-prompt-block': 'SAFETY' },
      }),
    );
    const finishes = chunks.map((chunk) => chunk.choices[0]?.finish_reason).filter(Boolean);
    expect(finishes).toEqual(['content_filter']);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('');
  });

  it('extra_body.google.thinking_config follows the same model rules as the native route', async () => {
    const response = await chat({
      body: {
        ...user('x'),
        model: 'gemini-2.5-pro',
        extra_body: { google: { thinking_config: { thinking_budget: 0 } } },
      },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        type: 'invalid_request_error',
        param: 'extra_body.google.thinking_config',
        message: expect.stringContaining('Budget 0 is invalid. This model only works in thinking mode.'),
      },
    });
    const accepted = await chat({
      body: { ...user('x'), extra_body: { google: { thinking_config: { thinking_budget: 512 } } } },
    });
    expect(accepted.status).toBe(200);
  });

  it('tool_choice none never calls', async () => {
    const body = (await (
      await chat({ body: { ...user('call get_weather'), tools: [weather], tool_choice: 'none' } })
    ).json()) as Json;
    expect(body.choices[0].message.tool_calls).toBeUndefined();
    expect(body.choices[0].finish_reason).toBe('stop');
  });

  it.each([
    ['tool_choice without tools', { ...user('x'), tool_choice: 'auto' }, 'tool_choice'],
    [
      'a tool name outside the pattern',
      { ...user('x'), tool_choice: 'auto', tools: [{ type: 'function', function: { name: '1bad name' } }] },
      'tools[0].function.name',
    ],
    [
      'an enum on a non-string',
      {
        ...user('x'),
        tool_choice: 'auto',
        tools: [
          {
            type: 'function',
            function: {
              name: 'f',
              parameters: { type: 'object', properties: { n: { type: 'integer', enum: [1, 2] } } },
            },
          },
        ],
      },
      'tools[0].function.parameters.properties.n',
    ],
  ])('%s is a 400 naming the parameter', async (_case, body, param) => {
    const response = await chat({ body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { param, type: 'invalid_request_error' } });
  });

  it('an unknown path is a 404 in the OpenAI envelope', async () => {
    const response = await fetch(`${gateway.openaiBaseURL}/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k' },
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { message: expect.any(String), type: 'not_found_error' },
    });
  });
});
