import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodResponseFormat } from '../src/index.js';
import { testApiKey, useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
const ask = [{ role: 'user' as const, content: 'Explain the Occam’s Razor concept in one paragraph.' }];

describe('chat.completions.create against the mock gateway', () => {
  it('sends one bearer auth header to /v1/chat/completions and returns the openai shape with helpers', async () => {
    const client = mock.client({ appCode: 'PARTNER1' });
    const completion = await client.chat.completions.create({ model: 'gemini-2.0-flash', messages: ask });
    const request = mock.gateway.requests.at(-1)!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${testApiKey}`);
    expect(request.headers['x-goog-api-key']).toBeUndefined();
    expect(request.headers['app-code']).toBe('PARTNER1');
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]!.message.content).toBe(completion.text);
    expect(completion.text.length).toBeGreaterThan(0);
    expect(completion.reasoning).toBeUndefined();
    expect(completion.finishReason).toBe('stop');
    expect(completion.requestId).toMatch(/^mock-/);
    expect(completion.usage).toMatchObject({
      inputTokens: completion.raw.usage!.prompt_tokens,
      outputTokens: completion.raw.usage!.completion_tokens,
    });
  });

  it('tells middleware the route, operation and model of each call', async () => {
    const seen: unknown[] = [];
    const client = mock.client({
      middleware: [
        (request, next) => {
          seen.push(request.context);
          return next(request);
        },
      ],
    });
    await client.chat.completions.create({ model: 'gemini-2.0-flash', messages: ask });
    await (
      await client.chat.completions.create({ model: 'gemini-2.0-flash', messages: ask, stream: true })
    ).final();
    await client.models.list();
    expect(seen).toEqual([
      { route: 'openai', operation: 'chat.completions', model: 'gemini-2.0-flash', stream: false },
      { route: 'openai', operation: 'chat.completions', model: 'gemini-2.0-flash', stream: true },
      // The same object the native client gives for its models.list.
      { route: 'openai', operation: 'models.list', model: undefined, stream: false },
    ]);
  });

  it.each(['reasoning_content', 'reasoning', 'thought-tags'] as const)(
    'reads thoughts sent as %s, non-streamed and streamed alike',
    async (format) => {
      const client = mock.client({ headers: { 'x-mock-reasoning-format': format } });
      const params = { model: 'gemini-2.5-flash', messages: ask, reasoning_effort: 'low' as const };
      const completion = await client.chat.completions.create(params);
      expect(completion.reasoning?.length).toBeGreaterThan(0);
      expect(completion.text.length).toBeGreaterThan(0);
      expect(completion.text).not.toContain('<thought>');
      expect(completion.text).not.toContain(completion.reasoning);

      const stream = await client.chat.completions.create({ ...params, stream: true });
      let text = '';
      let reasoning = '';
      for await (const chunk of stream) {
        text += chunk.text;
        reasoning += chunk.reasoning ?? '';
      }
      const aggregate = await stream.finalCompletion();
      expect(text).toBe(aggregate.text);
      expect(reasoning).toBe(aggregate.reasoning);
      expect(aggregate.reasoning?.length).toBeGreaterThan(0);
      expect(aggregate.text).not.toContain('<thought>');
    },
  );

  it('asks for usage on streams and reports it on the aggregate', async () => {
    const stream = await mock
      .client()
      .chat.completions.create({ model: 'gemini-2.0-flash', messages: ask, stream: true });
    expect(mock.lastBody().stream_options).toEqual({ include_usage: true });
    const completion = await stream.finalCompletion();
    expect(completion.usage?.inputTokens).toBeGreaterThan(0);
    expect(completion.usage?.totalTokens).toBe(completion.raw.usage!.total_tokens);
  });

  it('respects a caller who turns stream usage off', async () => {
    const stream = await mock.client().chat.completions.create({
      model: 'gemini-2.0-flash',
      messages: ask,
      stream: true,
      stream_options: { include_usage: false },
    });
    expect(mock.lastBody().stream_options).toEqual({ include_usage: false });
    expect((await stream.finalCompletion()).usage).toBeUndefined();
  });

  it.each([
    ['completion-includes-reasoning', false],
    ['completion-excludes-reasoning', true],
  ] as const)('counts thinking in output tokens when the gateway reports %s', async (style, excludes) => {
    const client = mock.client({ headers: { 'x-mock-usage-style': style } });
    const completion = await client.chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: ask,
      reasoning_effort: 'medium',
    });
    const wire = completion.raw.usage!;
    const reasoning = wire.completion_tokens_details!.reasoning_tokens!;
    expect(reasoning).toBeGreaterThan(0);
    expect(completion.usage).toMatchObject({
      inputTokens: wire.prompt_tokens,
      reasoningTokens: reasoning,
      outputTokens: excludes ? wire.completion_tokens + reasoning : wire.completion_tokens,
      totalTokens: wire.total_tokens,
    });
    expect(completion.usage!.inputTokens + completion.usage!.outputTokens).toBe(wire.total_tokens);
  });

  it('reports implicit-cache hits as cached input tokens', async () => {
    const client = mock.client();
    const longContext = 'The history of the printing press, told at length. '.repeat(400);
    const messages = (question: string) => [
      { role: 'system' as const, content: longContext },
      { role: 'user' as const, content: question },
    ];
    await client.chat.completions.create({ model: 'gemini-2.5-flash-nothink', messages: messages('First?') });
    const second = await client.chat.completions.create({
      model: 'gemini-2.5-flash-nothink',
      messages: messages('Second?'),
    });
    expect(second.usage!.cachedInputTokens).toBeGreaterThan(0);
    expect(second.usage!.cachedInputTokens).toBe(second.raw.usage!.prompt_tokens_details!.cached_tokens);
    expect(second.usage!.cachedInputTokens).toBeLessThanOrEqual(second.usage!.inputTokens);
  });

  it('accepts a zod schema in response_format and returns validated, parsed JSON', async () => {
    const Meeting = z.object({ topic: z.string(), attendees: z.array(z.string()), minutes: z.number() });
    const completion = await mock.client().chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Plan the Q3 planning meeting.' }],
      response_format: zodResponseFormat(Meeting, 'meeting'),
    });
    const sent = mock.lastBody().response_format;
    expect(sent.json_schema.schema).toMatchObject({
      type: 'object',
      required: ['topic', 'attendees', 'minutes'],
    });
    const parsed = completion.parsed!;
    expect(Meeting.parse(parsed)).toEqual(parsed);
    expect(typeof parsed.topic).toBe('string');
  });

  it('validates parsed JSON on a streamed answer too', async () => {
    const Answer = z.object({ city: z.string(), days: z.number().int() });
    const stream = await mock.client().chat.completions.create({
      model: 'gemini-2.0-flash',
      messages: [{ role: 'user', content: 'Forecast for Oslo?' }],
      response_format: zodResponseFormat(Answer, 'forecast'),
      stream: true,
    });
    const completion = await stream.finalCompletion();
    expect(Answer.parse(completion.parsed)).toEqual(completion.parsed);
    expect(JSON.parse(completion.text)).toEqual(completion.parsed);
  });

  it('parses a JSON answer the model wrapped in a markdown fence', async () => {
    const Answer = z.object({ city: z.string(), days: z.number().int() });
    const client = mock.client({
      middleware: [
        async (request, next) => {
          const response = await next(request);
          if (response.kind !== 'json') return response;
          const message = (response.body as { choices: Array<{ message: { content: string } }> }).choices[0]!
            .message;
          message.content = `\`\`\`json\n${message.content}\n\`\`\``;
          return response;
        },
      ],
    });
    const completion = await client.chat.completions.create({
      model: 'gemini-2.0-flash',
      messages: [{ role: 'user', content: 'Forecast for Oslo?' }],
      response_format: zodResponseFormat(Answer, 'forecast'),
    });
    expect(completion.choices[0]!.message.content).toMatch(/^```json\n\{/);
    expect(Answer.parse(completion.parsed)).toEqual(completion.parsed);
  });

  it('reports a prompt block as an empty answer with finish reason content_filter', async () => {
    const client = mock.client({ headers: { 'x-mock-prompt-block': 'SAFETY' } });
    const completion = await client.chat.completions.create({ model: 'gemini-2.0-flash', messages: ask });
    expect(completion.finishReason).toBe('content_filter');
    expect(completion.text).toBe('');
    expect(completion.toolCalls).toEqual([]);
  });

  it('raises a typed error when the JSON answer does not match the zod schema', async () => {
    // A middleware swaps the wire schema for one with a string topic, standing in for a model
    // that drifts from the schema it was given.
    const client = mock.client({
      middleware: [
        (request, next) => {
          const body = request.body as { response_format: { json_schema: { schema: unknown } } };
          body.response_format.json_schema.schema = {
            type: 'object',
            properties: { topic: { type: 'string' } },
            required: ['topic'],
          };
          return next(request);
        },
      ],
    });
    const completion = await client.chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Plan it.' }],
      response_format: zodResponseFormat(z.object({ topic: z.number() }), 'plan'),
    });
    expect(typeof JSON.parse(completion.text).topic).toBe('string');
    expect(() => completion.parsed).toThrow(/response_format schema at "topic"/);
  });

  it('sends media parts, modalities and extra_body.google as given', async () => {
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    await mock.client().chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe these.' },
            { type: 'image_url', image_url: { url: png } },
            { type: 'input_audio', input_audio: { data: 'UklGRiQAAABXQVZF', format: 'wav' } },
            {
              type: 'file',
              file: { file_data: 'data:application/pdf;base64,JVBERi0xLjQK', filename: 'a.pdf' },
            },
          ],
        },
      ],
      modalities: ['text'],
      extra_body: {
        google: {
          thinking_config: { thinking_budget: 512, include_thoughts: true },
          cached_content: 'cachedContents/abc',
        },
      },
    });
    const body = mock.lastBody();
    expect(body.messages[0].content.map((part: { type: string }) => part.type)).toEqual([
      'text',
      'image_url',
      'input_audio',
      'file',
    ]);
    expect(body.modalities).toEqual(['text']);
    expect(body.extra_body).toEqual({
      google: {
        thinking_config: { thinking_budget: 512, include_thoughts: true },
        cached_content: 'cachedContents/abc',
      },
    });
  });

  it('answers thoughts when extra_body.google.thinking_config asks to include them', async () => {
    const completion = await mock.client().chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: ask,
      extra_body: { google: { thinking_config: { thinking_budget: 1024, include_thoughts: true } } },
    });
    expect(completion.reasoning?.length).toBeGreaterThan(0);
  });
});
