// Points the official openai client at the mock: if it parses every kind of answer, the mock's
// OpenAI-compatible wire format is right.
import OpenAI, { APIError, AuthenticationError, BadRequestError, RateLimitError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockGateway, startMockGateway } from '../src/index.js';

const apiKey = 'test-key-openai';
let gateway: MockGateway;
let client: OpenAI;

beforeAll(async () => {
  gateway = await startMockGateway({ apiKeys: [apiKey], implicitCacheMinTokens: 50 });
  client = new OpenAI({ apiKey, baseURL: gateway.openaiBaseURL, maxRetries: 0 });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const scheduleTool = {
  type: 'function' as const,
  function: {
    name: 'schedule_meeting',
    description: 'Schedules a meeting.',
    parameters: {
      type: 'object',
      properties: {
        attendees: { type: 'array', items: { type: 'string' } },
        date: { type: 'string', format: 'date' },
        topic: { type: 'string' },
      },
      required: ['attendees', 'date', 'topic'],
    },
  },
};

describe('openai against the mock', () => {
  it('chat completion: message, usage, Bearer auth only', async () => {
    const completion = await client.chat.completions.create({
      model: 'gemini-2.0-flash',
      messages: [{ role: 'user', content: 'Explain Occam razor' }],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toMatch(/\w+/);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const usage = completion.usage!;
    expect(usage.prompt_tokens).toBe(Math.ceil('Explain Occam razor'.length / 4));
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
    expect(completion._request_id).toMatch(/^mock-\d{6}$/);
    const recorded = gateway.requests[0]!;
    expect(recorded.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(recorded.headers['x-goog-api-key']).toBeUndefined();
    expect(recorded.route).toBe('openai');
  });

  it('stream with include_usage: deltas join into the whole answer, usage chunk last', async () => {
    const request = {
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user' as const, content: 'A story please' }],
    };
    const whole = await client.chat.completions.create(request);
    const stream = await client.chat.completions.create({
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finish: string | null = null;
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(whole.choices[0]?.message.content);
    expect(finish).toBe('stop');
    expect(usage).toEqual(whole.usage);
  });

  it('reasoning_effort: reasoning returned and counted in completion_tokens_details', async () => {
    const completion = await client.chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Think hard' }],
      reasoning_effort: 'low',
    });
    const message = completion.choices[0]!.message as { reasoning_content?: string };
    expect(message.reasoning_content).toContain('Thinking it through');
    const usage = completion.usage!;
    expect(usage.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
  });

  it('reasoning_effort the family does not take is a 400', async () => {
    const failure = await client.chat.completions
      .create({
        model: 'gemini-2.5-pro',
        messages: [{ role: 'user', content: 'x' }],
        // 2.5 Pro cannot turn thinking off.
        reasoning_effort: 'none',
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BadRequestError);
    expect((failure as BadRequestError).param).toBe('reasoning_effort');
  });

  it('-nothink ids are served on this route and never think', async () => {
    const completion = await client.chat.completions.create({
      model: 'gemini-2.5-flash-nothink',
      messages: [{ role: 'user', content: 'Quick answer' }],
    });
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBe(0);
  });

  it('tools with tool_choice: a tool call whose arguments match the schema, streamed too', async () => {
    const request = {
      model: 'gemini-2.0-flash',
      messages: [{ role: 'user' as const, content: 'Use schedule_meeting for Bob and Alice about Q3.' }],
      tools: [scheduleTool],
      tool_choice: 'auto' as const,
    };
    const completion = await client.chat.completions.create(request);
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call.type).toBe('function');
    if (call.type !== 'function') throw new Error('expected a function call');
    expect(call.function.name).toBe('schedule_meeting');
    const args = JSON.parse(call.function.arguments);
    expect(args).toEqual({
      attendees: expect.any(Array),
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      topic: expect.any(String),
    });

    const stream = client.chat.completions.stream({ ...request, stream: true });
    const final = await stream.finalChatCompletion();
    const streamed = final.choices[0]!.message.tool_calls![0]!;
    if (streamed.type !== 'function') throw new Error('expected a function call');
    expect(streamed.function.arguments).toBe(call.function.arguments);
  });

  it('tools without tool_choice: the gateway error naming tool_choice', async () => {
    const failure = await client.chat.completions
      .create({
        model: 'gemini-2.0-flash',
        messages: [{ role: 'user', content: 'x' }],
        tools: [scheduleTool],
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BadRequestError);
    expect((failure as BadRequestError).message).toContain('tool_choice');
  });

  it('structured output: json_schema answers valid JSON', async () => {
    const completion = await client.chat.completions.create({
      model: 'gemini-2.0-flash',
      messages: [{ role: 'user', content: 'A person' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'person',
          schema: {
            type: 'object',
            properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0, maximum: 120 } },
            required: ['name', 'age'],
          },
        },
      },
    });
    const value = JSON.parse(completion.choices[0]!.message.content!);
    expect(value).toEqual({ name: expect.any(String), age: expect.any(Number) });
    expect(value.age).toBeGreaterThanOrEqual(0);
    expect(value.age).toBeLessThanOrEqual(120);
  });

  it('structured output streamed: the deltas join into the same JSON', async () => {
    const request = {
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user' as const, content: 'A city' }],
      response_format: {
        type: 'json_schema' as const,
        json_schema: {
          name: 'city',
          schema: {
            type: 'object',
            properties: { name: { type: 'string' }, population: { type: 'integer', exclusiveMinimum: 0 } },
            required: ['name', 'population'],
          },
        },
      },
    };
    const whole = await client.chat.completions.create(request);
    const final = await client.chat.completions.stream({ ...request, stream: true }).finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe(whole.choices[0]?.message.content);
    const value = JSON.parse(final.choices[0]!.message.content!);
    expect(value).toEqual({ name: expect.any(String), population: expect.any(Number) });
    expect(value.population).toBeGreaterThan(0);
  });

  it('implicit caching: prompt_tokens_details.cached_tokens on a repeated prefix', async () => {
    const system = 'You are a careful assistant. '.repeat(20);
    const ask = (content: string) =>
      client.chat.completions.create({
        model: 'gemini-2.5-flash',
        messages: [
          { role: 'system', content: system },
          { role: 'user', content },
        ],
      });
    expect((await ask('One')).usage?.prompt_tokens_details?.cached_tokens).toBe(0);
    expect((await ask('Two')).usage?.prompt_tokens_details?.cached_tokens).toBe(Math.ceil(system.length / 4));
  });

  it('embeddings (the client asks for base64 and decodes it) and models.list', async () => {
    const embeddings = await client.embeddings.create({
      model: 'gemini-embedding-001',
      input: ['one', 'two'],
      dimensions: 16,
    });
    expect(embeddings.data).toHaveLength(2);
    expect(embeddings.data[0]!.embedding).toHaveLength(16);
    expect(gateway.requests.at(-1)?.body).toMatchObject({ encoding_format: 'base64' });
    const norm = Math.hypot(...embeddings.data[0]!.embedding);
    expect(norm).toBeCloseTo(1, 3);
    const models = [];
    for await (const model of client.models.list()) models.push(model.id);
    expect(models).toContain('gemini-2.5-flash-nothink');
    expect(models).toContain('gemini-2.5-pro');
  });

  it('a wrong key is an AuthenticationError and the key is not echoed', async () => {
    const wrong = new OpenAI({ apiKey: 'sk-wrong-secret', baseURL: gateway.openaiBaseURL, maxRetries: 0 });
    const failure = await wrong.chat.completions
      .create({ model: 'gemini-2.0-flash', messages: [{ role: 'user', content: 'x' }] })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify((failure as AuthenticationError).error)).not.toContain('sk-wrong-secret');
  });

  it('reasoning_effort streamed: reasoning deltas before the content, counted in the usage chunk', async () => {
    const order: string[] = [];
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of await client.chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Think hard' }],
      reasoning_effort: 'medium',
      stream: true,
      stream_options: { include_usage: true },
    })) {
      const delta = chunk.choices[0]?.delta as { reasoning_content?: string; content?: string } | undefined;
      if (delta?.reasoning_content) order.push('reasoning');
      if (delta?.content) order.push('content');
      usage = chunk.usage ?? usage;
    }
    expect(order[0]).toBe('reasoning');
    expect(order.at(-1)).toBe('content');
    expect(order.lastIndexOf('reasoning')).toBeLessThan(order.indexOf('content'));
    expect(usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
  });

  it('a blocked prompt: finish_reason content_filter, whole and streamed', async () => {
    const request = {
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user' as const, content: 'x' }],
    };
    const headers = { 'x-mock-prompt-block': 'SAFETY' };
    const whole = await client.chat.completions.create(request, { headers });
    expect(whole.choices[0]?.finish_reason).toBe('content_filter');
    const stream = client.chat.completions.stream({ ...request, stream: true }, { headers });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.finish_reason).toBe('content_filter');
    expect(final.choices[0]?.message.content ?? '').toBe('');
  });

  it('media: an image_url data URL is counted as an image', async () => {
    const data = Buffer.alloc(1000).toString('base64');
    const completion = await client.chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${data}` } },
          ],
        },
      ],
    });
    expect(completion.usage?.prompt_tokens).toBe(1 + 258);
  });

  it('faults: a 429 is a RateLimitError the client retries after retry-after-ms', async () => {
    gateway.scheduleFault({ fault: '429; retry-after-ms=10' });
    const failure = await client.chat.completions
      .create({ model: 'gemini-2.0-flash', messages: [{ role: 'user', content: 'x' }] })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RateLimitError);
    expect((failure as RateLimitError).requestID).toMatch(/^mock-\d{6}$/);
    expect((failure as RateLimitError).message).toContain(`(tid: ${(failure as RateLimitError).requestID})`);

    gateway.scheduleFault({ fault: '429; retry-after-ms=10' });
    const retrying = new OpenAI({ apiKey, baseURL: gateway.openaiBaseURL, maxRetries: 1 });
    const completion = await retrying.chat.completions.create({
      model: 'gemini-2.0-flash',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(completion.choices[0]?.message.content).toMatch(/\w+/);
    expect(gateway.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(3);
  });

  it('faults: an error event mid-stream is an APIError; a reset fails the iteration; a cut event loses the finish', async () => {
    const drain = async (fault: string) => {
      const contents: string[] = [];
      const finishes: string[] = [];
      const error = await (async () => {
        for await (const chunk of await client.chat.completions.create(
          { model: 'gemini-2.0-flash', messages: [{ role: 'user', content: 'A story' }], stream: true },
          { headers: { 'x-mock-fault': fault } },
        )) {
          contents.push(chunk.choices[0]?.delta.content ?? '');
          if (chunk.choices[0]?.finish_reason) finishes.push(chunk.choices[0].finish_reason);
        }
      })().catch((caught: unknown) => caught);
      return { contents, finishes, error };
    };
    const inStream = await drain('error-in-stream');
    expect(inStream.contents).toHaveLength(1);
    expect(inStream.error).toBeInstanceOf(APIError);
    expect((inStream.error as APIError).message).toMatch(/\(tid: mock-\d{6}\)/);
    // The openai client ends quietly on a cut last event; what shows is the missing finish.
    const truncated = await drain('truncate-event');
    expect(truncated.error).toBeUndefined();
    expect(truncated.finishes).toEqual([]);
    expect((await drain('none')).finishes).toEqual(['stop']);
    const reset = await drain('reset-mid-stream; after=99');
    expect(reset.contents.length).toBeGreaterThan(1);
    expect(reset.error).toBeInstanceOf(Error);
  });

  it('Google-shaped streams: ": PROCESSING" comments, Gemini ids, empty tool-call ids, a signature on the message', async () => {
    const headers = {
      'x-mock-tool-call-id': 'empty',
      'x-mock-signature-place': 'message',
      'x-mock-sse-comments': 'on',
    };
    const stream = client.chat.completions.stream(
      {
        model: 'gemini-3-pro-preview',
        messages: [{ role: 'user', content: 'Please schedule_meeting with Ann about the budget' }],
        tools: [scheduleTool],
        tool_choice: 'auto',
      },
      { headers },
    );
    const final = await stream.finalChatCompletion();
    expect(final.id).not.toMatch(/^chatcmpl-/);
    const message = final.choices[0]!.message;
    expect(message.tool_calls).toHaveLength(1);
    // The client's stream accumulator replaces an empty id with one of its own; the wire had ''.
    expect(message.tool_calls![0]!.id).toMatch(/^call_/);
    const call = message.tool_calls![0]!;
    expect(call.type === 'function' && JSON.parse(call.function.arguments)).toMatchObject({
      topic: expect.any(String),
    });
    const whole = await client.chat.completions.create(
      {
        model: 'gemini-3-pro-preview',
        messages: [{ role: 'user', content: 'Please schedule_meeting with Ann about the budget' }],
        tools: [scheduleTool],
        tool_choice: 'auto',
      },
      { headers },
    );
    expect(whole.choices[0]!.message.tool_calls![0]!.id).toBe('');
    expect(
      (whole.choices[0]!.message as unknown as Record<string, any>).extra_content.google.thought_signature,
    ).toEqual(expect.any(String));
  });

  it("usage with thinking only in total_tokens (Google's endpoint) parses, details absent", async () => {
    const completion = await client.chat.completions.create(
      { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Think' }], reasoning_effort: 'low' },
      { headers: { 'x-mock-usage-style': 'reasoning-only-in-total' } },
    );
    const usage = completion.usage!;
    expect(usage.completion_tokens_details).toBeUndefined();
    expect(usage.total_tokens).toBeGreaterThan(usage.prompt_tokens + usage.completion_tokens);
  });
});
