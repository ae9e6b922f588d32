import { describe, expect, it } from 'vitest';
import { ChatCompletionResult } from './chat-completion-result.js';
import type { ChatCompletionCreateParams, RequestOptions } from './chat-params.js';
import { createOpenAIToolLoopAdapter } from './tool-loop-adapter.js';

/** A client that answers each call with the next assistant message and records what it was sent. */
function fakeClient({
  messages,
  responseId,
}: {
  messages: Array<Record<string, unknown>>;
  responseId?: string;
}) {
  const sent: ChatCompletionCreateParams[] = [];
  const sentOptions: RequestOptions[] = [];
  return {
    sent,
    sentOptions,
    chat: {
      completions: {
        async create(params: ChatCompletionCreateParams, options: RequestOptions = {}) {
          sent.push(params);
          sentOptions.push(options);
          const message = messages.shift() ?? { role: 'assistant', content: 'done' };
          const raw = {
            id: responseId ?? `gemini-response-${sent.length}`,
            object: 'chat.completion',
            created: 0,
            model: params.model,
            choices: [{ index: 0, message, finish_reason: message.tool_calls ? 'tool_calls' : 'stop' }],
            usage: { prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 },
          };
          return new ChatCompletionResult({ raw: raw as never });
        },
      },
    },
  };
}

const unsignedParallel = {
  role: 'assistant',
  content: null,
  tool_calls: [
    { id: '', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
    { id: '', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
  ],
  extra_content: { google: { thought_signature: 'bWVzc2FnZS1zaWduYXR1cmU=' } },
};

describe('createOpenAIToolLoopAdapter', () => {
  it("pairs parallel calls whose id is '' through a stable id written into both messages", async () => {
    const client = fakeClient({
      messages: [structuredClone(unsignedParallel), structuredClone(unsignedParallel)],
      responseId: 'same-answer',
    });
    const adapter = createOpenAIToolLoopAdapter({ client, model: 'gemini-3-flash-preview' });
    const history = adapter.initialHistory({ input: 'Weather in Paris and Rome?' });
    const turn = await adapter.send({ history, tools: [{ name: 'get_weather' }] });
    const again = await adapter.send({ history, tools: [{ name: 'get_weather' }] });

    const ids = turn.toolCalls.map((call) => call.id);
    expect(ids.every((id) => id !== '')).toBe(true);
    expect(new Set(ids).size).toBe(2);
    // The same answer gives the same ids, so a recorded run replays.
    expect(again.toolCalls.map((call) => call.id)).toEqual(ids);
    expect(turn.toolCalls.map((call) => call.arguments)).toEqual([{ city: 'Paris' }, { city: 'Rome' }]);

    const next = adapter.withToolResults({
      history,
      turn,
      results: [
        { callId: ids[1]!, name: 'get_weather', output: 'rain' },
        { callId: ids[0]!, name: 'get_weather', output: 'sun' },
      ],
    });
    expect(next).toEqual([
      ...history,
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: ids[0], type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: ids[1], type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
        ],
        extra_content: { google: { thought_signature: 'bWVzc2FnZS1zaWduYXR1cmU=' } },
      },
      { role: 'tool', tool_call_id: ids[0], content: '{"output":"sun"}' },
      { role: 'tool', tool_call_id: ids[1], content: '{"output":"rain"}' },
    ]);
  });

  it('reports a signature that sits on the message as the first call’s, and keeps it on the message', async () => {
    const adapter = createOpenAIToolLoopAdapter({
      client: fakeClient({ messages: [structuredClone(unsignedParallel)] }),
      model: 'gemini-3-flash-preview',
    });
    const turn = await adapter.send({ history: [], tools: [{ name: 'get_weather' }] });
    expect(turn.toolCalls.map((call) => call.thoughtSignature)).toEqual([
      'bWVzc2FnZS1zaWduYXR1cmU=',
      undefined,
    ]);
    expect((turn.assistantTurn as { extra_content?: unknown }).extra_content).toEqual(
      unsignedParallel.extra_content,
    );
  });

  it('turns arguments that are not JSON into an argumentsError, keeping the raw string in history', async () => {
    const broken = {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'get_weather', arguments: '{"city": "Par' },
          extra_content: { google: { thought_signature: 'c2ln' } },
        },
      ],
    };
    const adapter = createOpenAIToolLoopAdapter({
      client: fakeClient({ messages: [broken] }),
      model: 'gemini-2.5-flash',
    });
    const turn = await adapter.send({ history: [], tools: [{ name: 'get_weather' }] });
    expect(turn.toolCalls).toEqual([
      {
        id: 'call_1',
        name: 'get_weather',
        arguments: undefined,
        rawArguments: '{"city": "Par',
        argumentsError: expect.stringMatching(/^The arguments are not valid JSON/),
        thoughtSignature: 'c2ln',
      },
    ]);
    expect(turn.assistantTurn).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'get_weather', arguments: '{"city": "Par' },
          extra_content: { google: { thought_signature: 'c2ln' } },
        },
      ],
    });
  });

  it.each([
    [undefined, 'auto'],
    ['auto', 'auto'],
    ['none', 'none'],
    ['required', 'required'],
    [{ name: 'clock' }, { type: 'function', function: { name: 'clock' } }],
  ] as const)('maps toolChoice %j to tool_choice %j, tools always sent', async (toolChoice, expected) => {
    const client = fakeClient({ messages: [] });
    const adapter = createOpenAIToolLoopAdapter({ client, model: 'gemini-2.5-flash' });
    await adapter.send({
      history: [],
      tools: [{ name: 'clock', description: 'Tells the time.', parameters: { type: 'object' } }],
      toolChoice,
    });
    expect(client.sent[0]!.tool_choice).toEqual(expected);
    expect(client.sent[0]!.tools).toEqual([
      {
        type: 'function',
        function: { name: 'clock', description: 'Tells the time.', parameters: { type: 'object' } },
      },
    ]);
  });

  it('sends no tools and no tool_choice when there are none, and the neutral usage of the turn', async () => {
    const client = fakeClient({ messages: [] });
    const adapter = createOpenAIToolLoopAdapter({
      client,
      model: 'gemini-2.5-flash',
      params: { temperature: 0 },
    });
    const turn = await adapter.send({ history: [{ role: 'user', content: 'Hi' }], toolChoice: 'auto' });
    expect(client.sent[0]).not.toHaveProperty('tools');
    expect(client.sent[0]).not.toHaveProperty('tool_choice');
    expect(client.sent[0]!.temperature).toBe(0);
    expect(turn.text).toBe('done');
    expect(turn.toolCalls).toEqual([]);
    expect(turn.usage).toEqual({
      inputTokens: 20,
      outputTokens: 5,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      toolUseInputTokens: 0,
      totalTokens: 25,
    });
  });

  it('ends a call when either the loop or the adapter options are aborted, other options kept', async () => {
    const client = fakeClient({ messages: [] });
    const optionsController = new AbortController();
    const loopController = new AbortController();
    const adapter = createOpenAIToolLoopAdapter({
      client,
      model: 'gemini-2.5-flash',
      options: { signal: optionsController.signal, maxRetries: 1 },
    });
    await adapter.send({ history: [], signal: loopController.signal });
    const sent = client.sentOptions[0]!;
    expect(sent.maxRetries).toBe(1);
    expect(sent.signal!.aborted).toBe(false);
    loopController.abort();
    expect(sent.signal!.aborted).toBe(true);
  });
});
