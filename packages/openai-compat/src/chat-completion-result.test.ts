import { ResponseValidationError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChatCompletionResult } from './chat-completion-result.js';
import type { WireAssistantMessage, WireChatCompletion } from './wire-types.js';

function completion(message: Partial<WireAssistantMessage>, finishReason = 'stop'): WireChatCompletion {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'gemini-2.5-flash',
    choices: [
      { index: 0, message: { role: 'assistant', content: null, ...message }, finish_reason: finishReason },
    ],
    usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
  };
}

describe('ChatCompletionResult', () => {
  it.each([
    ['reasoning_content', { content: 'Answer', reasoning_content: 'Thoughts' }],
    ['reasoning', { content: 'Answer', reasoning: 'Thoughts' }],
    ['<thought> tags', { content: '<thought>Thoughts</thought>Answer' }],
  ])('reads thoughts sent as %s', (_label, message) => {
    const result = new ChatCompletionResult({ raw: completion(message) });
    expect(result.text).toBe('Answer');
    expect(result.reasoning).toBe('Thoughts');
  });

  it('has no reasoning when there were no thoughts', () => {
    expect(new ChatCompletionResult({ raw: completion({ content: 'Hi' }) }).reasoning).toBeUndefined();
  });

  it('parses tool call arguments and keeps the thought signature', () => {
    const result = new ChatCompletionResult({
      raw: completion(
        {
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'schedule_meeting', arguments: '{"attendees":["Bob"]}' },
              extra_content: { google: { thought_signature: 'sig-1' } },
            },
            { id: 'call_2', type: 'function', function: { name: 'ping', arguments: '' } },
          ],
        },
        'tool_calls',
      ),
    });
    expect(result.toolCalls).toEqual([
      {
        id: 'call_1',
        name: 'schedule_meeting',
        arguments: { attendees: ['Bob'] },
        rawArguments: '{"attendees":["Bob"]}',
        thoughtSignature: 'sig-1',
      },
      { id: 'call_2', name: 'ping', arguments: {}, rawArguments: '', thoughtSignature: undefined },
    ]);
    expect(result.finishReason).toBe('tool_calls');
    expect(result.toAssistantMessage()).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'schedule_meeting', arguments: '{"attendees":["Bob"]}' },
          extra_content: { google: { thought_signature: 'sig-1' } },
        },
        { id: 'call_2', type: 'function', function: { name: 'ping', arguments: '' } },
      ],
    });
  });

  it('raises a typed error carrying the raw string for arguments that are not JSON', () => {
    const result = new ChatCompletionResult({
      raw: completion({
        tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{"a":' } }],
      }),
    });
    let caught: unknown;
    try {
      void result.toolCalls;
    } catch (error) {
      caught = error;
    }
    expect(ResponseValidationError.isInstance(caught)).toBe(true);
    expect((caught as ResponseValidationError).responseBody).toBe('{"a":');
    expect((caught as ResponseValidationError).path).toBe(
      'choices.0.message.tool_calls.0.function.arguments',
    );
  });

  it('reads text from content sent as an array of parts', () => {
    const result = new ChatCompletionResult({
      raw: completion({
        content: [
          { type: 'text', text: 'Hello ' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
          { type: 'text', text: 'world' },
        ] as unknown as string,
      }),
    });
    expect(result.text).toBe('Hello world');
  });

  it('takes tool call arguments sent as an object, and sends them back as a JSON string', () => {
    const result = new ChatCompletionResult({
      raw: completion({
        tool_calls: [
          { id: 'c', type: 'function', function: { name: 'f', arguments: { a: 1 } as unknown as string } },
        ],
      }),
    });
    expect(result.toolCalls).toEqual([
      { id: 'c', name: 'f', arguments: { a: 1 }, rawArguments: '{"a":1}', thoughtSignature: undefined },
    ]);
    expect(result.toAssistantMessage().tool_calls?.[0]?.function.arguments).toBe('{"a":1}');
  });

  it('raises a typed error naming a tool call that has no function', () => {
    const result = new ChatCompletionResult({
      raw: completion({ tool_calls: [{ id: 'c', type: 'function' } as never] }),
    });
    expect(() => result.toolCalls).toThrow(
      expect.objectContaining({ path: 'choices.0.message.tool_calls.0.function.name' }),
    );
  });

  it('still builds the history message for a call whose arguments are not JSON', () => {
    const result = new ChatCompletionResult({
      raw: completion({
        tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{"a":' } }],
      }),
    });
    expect(result.toAssistantMessage().tool_calls?.[0]?.function).toEqual({ name: 'f', arguments: '{"a":' });
  });

  it('validates parsed JSON against the zod schema', () => {
    const schema = z.object({ city: z.string() });
    const good = new ChatCompletionResult({
      raw: completion({ content: '{"city":"Oslo"}' }),
      responseSchema: schema,
    });
    expect(good.parsed).toEqual({ city: 'Oslo' });
    const bad = new ChatCompletionResult({
      raw: completion({ content: '{"city":3}' }),
      responseSchema: schema,
    });
    expect(() => bad.parsed).toThrow(/at "city"/);
    const notJson = new ChatCompletionResult({ raw: completion({ content: 'Sure!' }), expectsJson: true });
    expect(() => notJson.parsed).toThrow(ResponseValidationError);
    expect(new ChatCompletionResult({ raw: completion({ content: 'Hi' }) }).parsed).toBeUndefined();
  });

  it('gives neutral usage and keeps the wire body in raw', () => {
    const result = new ChatCompletionResult({ raw: completion({ content: 'Hi' }), requestId: 'req-1' });
    expect(result.usage).toMatchObject({ inputTokens: 7, outputTokens: 3, totalTokens: 10 });
    expect(result.raw.usage?.prompt_tokens).toBe(7);
    expect(result.requestId).toBe('req-1');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result.raw);
  });

  it('gives usage with the wire fields as sent and the neutral fields beside them', () => {
    const raw = completion({ content: 'Hi' });
    raw.usage = {
      prompt_tokens: 35,
      completion_tokens: 12,
      total_tokens: 109,
      prompt_tokens_details: { cached_tokens: 0 },
      service_tier: 'standard',
    };
    const result = new ChatCompletionResult({ raw });
    expect(result.usage).toEqual({
      prompt_tokens: 35,
      completion_tokens: 12,
      total_tokens: 109,
      prompt_tokens_details: { cached_tokens: 0 },
      service_tier: 'standard',
      inputTokens: 35,
      outputTokens: 74,
      reasoningTokens: 62,
      cachedInputTokens: 0,
      toolUseInputTokens: 0,
      totalTokens: 109,
    });
    expect(result.usage).toBe(result.usage);
    expect(JSON.parse(JSON.stringify(result)).usage).toEqual(raw.usage);
  });

  it('gives undefined usage when the answer carries none', () => {
    const raw = completion({ content: 'Hi' });
    delete raw.usage;
    expect(new ChatCompletionResult({ raw }).usage).toBeUndefined();
    expect(new ChatCompletionResult({ raw: { ...raw, usage: null } }).usage).toBeUndefined();
  });
});
