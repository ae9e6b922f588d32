import { BadRequestError, InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import type { ChatMessageParam, FunctionToolParam } from '../src/index.js';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();

const weatherTool: FunctionToolParam = {
  type: 'function',
  function: {
    name: 'lookup_weather',
    description: 'Current weather for a city.',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
      required: ['city', 'unit'],
    },
  },
};
const timeTool: FunctionToolParam = {
  type: 'function',
  function: {
    name: 'lookup_time',
    parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] },
  },
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('the gateway’s tool_choice rules', () => {
  it('sends tool_choice "auto" with tools, which the gateway otherwise rejects', async () => {
    const client = mock.client();
    const completion = await client.chat.completions.create({
      model: 'gemini-2.0-flash',
      messages: [{ role: 'user', content: 'Use lookup_weather for Oslo.' }],
      tools: [weatherTool],
    });
    expect(mock.lastBody().tool_choice).toBe('auto');
    expect(completion.toolCalls.map((call) => call.name)).toEqual(['lookup_weather']);

    // The same request with tool_choice removed on the way out is the gateway's 400.
    const unpatched = mock.client({
      middleware: [
        (request, next) => {
          delete (request.body as Record<string, unknown>).tool_choice;
          return next(request);
        },
      ],
    });
    const error = await rejection(
      unpatched.chat.completions.create({
        model: 'gemini-2.0-flash',
        messages: [{ role: 'user', content: 'Use lookup_weather for Oslo.' }],
        tools: [weatherTool],
      }),
    );
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect((error as BadRequestError).message).toContain('tool_choice');
  });

  it('drops tool_choice when no tools are sent', async () => {
    const completion = await mock.client().chat.completions.create({
      model: 'gemini-2.0-flash',
      messages: [{ role: 'user', content: 'Hello' }],
      tools: [],
      tool_choice: 'auto',
    });
    expect(mock.lastBody()).not.toHaveProperty('tool_choice');
    expect(mock.lastBody()).not.toHaveProperty('tools');
    expect(completion.text.length).toBeGreaterThan(0);
  });

  it('rejects a tool name Gemini would refuse, before sending anything', async () => {
    const error = await rejection(
      mock.client().chat.completions.create({
        model: 'gemini-2.0-flash',
        messages: [{ role: 'user', content: 'Hello' }],
        tools: [{ type: 'function', function: { name: 'look up weather' } }],
      }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('tools.0.function.name');
    const twice = await rejection(
      mock.client().chat.completions.create({
        model: 'gemini-2.0-flash',
        messages: [{ role: 'user', content: 'Hello' }],
        tools: [weatherTool, timeTool, weatherTool],
      }),
    );
    expect((twice as InvalidArgumentError).argument).toBe('tools.2.function.name');
    expect(mock.gateway.requests).toHaveLength(0);
  });

  it('rejects a non-string enum in tool parameters before sending (the gateway’s 400 otherwise)', async () => {
    const sized: FunctionToolParam = {
      type: 'function',
      function: {
        name: 'pick_size',
        parameters: { type: 'object', properties: { size: { type: 'integer', enum: [1, 2, 3] } } },
      },
    };
    const error = await rejection(
      mock.client().chat.completions.create({
        model: 'gemini-2.0-flash',
        messages: [{ role: 'user', content: 'Use pick_size.' }],
        tools: [sized],
      }),
    );
    expect((error as InvalidArgumentError).argument).toBe('tools.0.function.parameters.properties.size.enum');
    expect(mock.gateway.requests).toHaveLength(0);

    // The same tool slipped past gemgate by a middleware is the gateway's 400.
    const bypassing = mock.client({
      middleware: [
        (request, next) => {
          (request.body as { tools: FunctionToolParam[] }).tools = [sized];
          return next(request);
        },
      ],
    });
    const upstream = await rejection(
      bypassing.chat.completions.create({
        model: 'gemini-2.0-flash',
        messages: [{ role: 'user', content: 'Use pick_size.' }],
        tools: [{ type: 'function', function: { name: 'pick_size' } }],
      }),
    );
    expect(BadRequestError.isInstance(upstream)).toBe(true);
    expect((upstream as Error).message).toContain('enum');
  });
});

describe('reasoning settings per model id', () => {
  it('rejects reasoning on a -nothink id before sending, and serves the plain -nothink call', async () => {
    const client = mock.client();
    const error = await rejection(
      client.chat.completions.create({
        model: 'gemini-2.5-flash-preview-04-17-nothink',
        messages: [{ role: 'user', content: 'Hello' }],
        reasoning_effort: 'high',
      }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('gemini-2.5-flash-preview-04-17 to think');
    expect(mock.gateway.requests).toHaveLength(0);

    const completion = await client.chat.completions.create({
      model: 'gemini-2.5-flash-preview-04-17-nothink',
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(completion.reasoning).toBeUndefined();
    expect(completion.usage?.reasoningTokens).toBe(0);
  });

  it('rejects a reasoning_effort the family does not take', async () => {
    const error = await rejection(
      mock.client().chat.completions.create({
        model: 'gemini-2.5-pro',
        messages: [{ role: 'user', content: 'Hello' }],
        reasoning_effort: 'none',
      }),
    );
    expect((error as InvalidArgumentError).argument).toBe('reasoning_effort');
    expect(mock.gateway.requests).toHaveLength(0);
  });

  it('rejects reasoning_effort together with a thinking_config budget, before sending', async () => {
    const error = await rejection(
      mock.client().chat.completions.create({
        model: 'gemini-2.5-flash',
        messages: [{ role: 'user', content: 'Hello' }],
        reasoning_effort: 'low',
        extra_body: { google: { thinking_config: { thinking_budget: 512 } } },
      }),
    );
    expect((error as InvalidArgumentError).argument).toBe('reasoning_effort');
    expect(mock.gateway.requests).toHaveLength(0);
  });

  it('rejects a system message next to an explicit cache, before sending', async () => {
    const error = await rejection(
      mock.client().chat.completions.create({
        model: 'gemini-2.5-flash',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hello' },
        ],
        extra_body: { google: { cached_content: 'cachedContents/abc' } },
      }),
    );
    expect((error as InvalidArgumentError).argument).toBe('messages.0');
    expect(mock.gateway.requests).toHaveLength(0);
  });

  it('accepts -search ids and unknown models as they are', async () => {
    const client = mock.client();
    await client.chat.completions.create({
      model: 'gemini-2.5-flash-search',
      messages: [{ role: 'user', content: 'Latest news?' }],
      reasoning_effort: 'low',
    });
    expect(mock.lastBody().model).toBe('gemini-2.5-flash-search');
    await client.chat.completions.create({
      model: 'gemini-9-ultra-experimental',
      messages: [{ role: 'user', content: 'Hello' }],
      reasoning_effort: 'minimal',
    });
    expect(mock.lastBody()).toMatchObject({
      model: 'gemini-9-ultra-experimental',
      reasoning_effort: 'minimal',
    });
  });
});

describe('Gemini 3 thought signatures', () => {
  const model = 'gemini-3-pro-preview';
  const question: ChatMessageParam = { role: 'user', content: 'Call lookup_weather for Oslo.' };

  it('keeps the signature in the assistant message and sends it back, as the next turn requires', async () => {
    const client = mock.client();
    const first = await client.chat.completions.create({ model, messages: [question], tools: [weatherTool] });
    const [call] = first.toolCalls;
    expect(call?.thoughtSignature).toEqual(expect.any(String));

    const history: ChatMessageParam[] = [
      question,
      first.toAssistantMessage(),
      { role: 'tool', tool_call_id: call!.id, content: JSON.stringify({ celsius: 4 }) },
    ];
    const second = await client.chat.completions.create({ model, messages: history, tools: [weatherTool] });
    expect(mock.lastBody().messages[1].tool_calls[0].extra_content.google.thought_signature).toBe(
      call!.thoughtSignature,
    );
    expect(second.text).toContain('lookup_weather returned');

    // Without the signature the gateway answers 400.
    const unsigned = structuredClone(history);
    delete (unsigned[1] as { tool_calls: Array<{ extra_content?: unknown }> }).tool_calls[0]!.extra_content;
    const error = await rejection(
      client.chat.completions.create({ model, messages: unsigned, tools: [weatherTool] }),
    );
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('thought_signature');
  });

  it.each(['indexed', 'whole-no-index'])('keeps it through a stream with %s tool calls', async (style) => {
    const client = mock.client({ headers: { 'x-mock-tool-call-style': style } });
    const stream = await client.chat.completions.create({
      model,
      messages: [question],
      tools: [weatherTool],
      stream: true,
    });
    const assistant = await stream.finalMessage();
    expect(assistant.tool_calls?.[0]?.extra_content?.google?.thought_signature).toEqual(expect.any(String));
    const second = await client.chat.completions.create({
      model,
      messages: [
        question,
        assistant,
        { role: 'tool', tool_call_id: assistant.tool_calls![0]!.id, content: '{"celsius":4}' },
      ],
      tools: [weatherTool],
    });
    expect(second.finishReason).toBe('stop');
  });
});

describe('streamed tool calls', () => {
  it('assembles index-based deltas and whole calls without index into the same calls', async () => {
    const params = {
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user' as const, content: 'Call lookup_weather and lookup_time for Oslo.' }],
      tools: [weatherTool, timeTool],
      stream: true as const,
    };
    const results = [];
    for (const style of ['indexed', 'whole-no-index']) {
      const stream = await mock
        .client({ headers: { 'x-mock-tool-call-style': style } })
        .chat.completions.create(params);
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      const withoutIndex = chunks.some((chunk) =>
        chunk.choices[0]?.delta.tool_calls?.some((call) => call.index === undefined),
      );
      expect(withoutIndex).toBe(style === 'whole-no-index');
      results.push((await stream.finalCompletion()).toolCalls);
    }
    const [indexed, whole] = results;
    expect(indexed!.map((call) => call.name)).toEqual(['lookup_weather', 'lookup_time']);
    expect(indexed![0]!.arguments).toMatchObject({
      city: expect.any(String),
      unit: expect.stringMatching(/^[cf]$/),
    });
    expect(whole).toEqual(indexed);
  });
});
