import { AbortedError, ResponseValidationError, StreamInterruptedError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { ChatCompletionStream } from './chat-completion-stream.js';
import type { WireChatCompletionChunk, WireDelta } from './wire-types.js';

function chunk(delta: WireDelta, extra: Partial<WireChatCompletionChunk> = {}): WireChatCompletionChunk {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gemini-2.5-flash',
    choices: [{ index: 0, delta, finish_reason: null }],
    ...extra,
  };
}

async function* events(items: unknown[], failure?: Error): AsyncIterable<unknown> {
  for (const item of items) yield item;
  if (failure) throw failure;
}

const answer = [
  chunk({ role: 'assistant', content: '<thought>Let me ' }),
  chunk({ content: 'think</thou' }),
  chunk({ content: 'ght>Hello' }),
  chunk({ content: ' world' }),
  { ...chunk({}), choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
  {
    ...chunk({}),
    choices: [],
    usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
  },
];

describe('ChatCompletionStream', () => {
  it('yields chunks with their text and thoughts, then the aggregate', async () => {
    const stream = new ChatCompletionStream({ events: events(answer) });
    const texts: string[] = [];
    const thoughts: string[] = [];
    for await (const item of stream) {
      texts.push(item.text);
      if (item.reasoning) thoughts.push(item.reasoning);
    }
    expect(texts.join('')).toBe('Hello world');
    expect(thoughts.join('')).toBe('Let me think');
    const completion = await stream.finalCompletion();
    expect(completion.text).toBe('Hello world');
    expect(completion.reasoning).toBe('Let me think');
    expect(completion.finishReason).toBe('stop');
    expect(completion.usage).toMatchObject({ inputTokens: 5, outputTokens: 4, totalTokens: 9 });
  });

  it.each([
    ['text ending in what could start a tag', ['if a < b then b >', ' a <'], 'if a < b then b > a <', ''],
    ['an unclosed thought ending in a partial close tag', ['<thought>hmm', ' </thou'], '', 'hmm </thou'],
  ])('gives chunk texts that add up to the completion for %s', async (_label, pieces, text, reasoning) => {
    const stream = new ChatCompletionStream({
      events: events([
        ...pieces.map((content) => chunk({ content })),
        { ...chunk({}), choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
      ]),
    });
    let streamedText = '';
    let streamedReasoning = '';
    for await (const item of stream) {
      streamedText += item.text;
      streamedReasoning += item.reasoning ?? '';
    }
    const completion = await stream.finalCompletion();
    expect(streamedText).toBe(text);
    expect(completion.text).toBe(text);
    expect(streamedReasoning).toBe(reasoning);
    expect(completion.reasoning ?? '').toBe(reasoning);
  });

  it('tolerates null fields in deltas, and takes the id from the first chunk that has one', async () => {
    const stream = new ChatCompletionStream({
      events: events([
        { object: 'chat.completion.chunk', choices: [{ index: 0, delta: { role: 'assistant' } }] },
        chunk({ content: null, reasoning_content: null, tool_calls: null } as unknown as WireDelta),
        chunk({ content: 'Hi' }),
      ]),
    });
    const completion = await stream.finalCompletion();
    expect(completion).toMatchObject({ id: 'chatcmpl-1', model: 'gemini-2.5-flash', text: 'Hi' });
    expect(completion.toolCalls).toEqual([]);
  });

  it('raises ResponseValidationError for an event that is not a chunk', async () => {
    for (const bad of [{ error: undefined }, { ...chunk({}), choices: [null] }]) {
      const stream = new ChatCompletionStream({ events: events([chunk({ content: 'a' }), bad]) });
      await expect(stream.finalCompletion()).rejects.toSatisfy(
        (error) => ResponseValidationError.isInstance(error) && error.path === 'events.1.choices',
      );
    }
  });

  it('reads the stream itself when only the aggregate is awaited', async () => {
    const stream = new ChatCompletionStream({ events: events(answer) });
    expect(await stream.finalText()).toBe('Hello world');
    expect(await stream.finalMessage()).toEqual({ role: 'assistant', content: 'Hello world' });
  });

  it('rejects the aggregate with the stream error, without an unhandled rejection', async () => {
    const failure = new StreamInterruptedError('cut', { partial: [] });
    const stream = new ChatCompletionStream({ events: events(answer.slice(0, 2), failure) });
    await expect(async () => {
      for await (const _ of stream) {
        // consume
      }
    }).rejects.toBe(failure);
    await expect(stream.finalCompletion()).rejects.toBe(failure);
  });

  it('leaves no unhandled rejection when a failed stream’s aggregate is never awaited', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const stream = new ChatCompletionStream({ events: events(answer.slice(0, 1), new Error('cut')) });
      await expect(async () => {
        for await (const _ of stream) {
          // consume
        }
      }).rejects.toThrow('cut');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('rejects the aggregate with AbortedError when the caller stops early', async () => {
    const stream = new ChatCompletionStream({ events: events(answer) });
    for await (const _ of stream) break;
    await expect(stream.finalCompletion()).rejects.toSatisfy((error) => AbortedError.isInstance(error));
  });

  it('cannot be iterated twice', async () => {
    const stream = new ChatCompletionStream({ events: events(answer) });
    await stream.finalCompletion();
    await expect(async () => {
      for await (const _ of stream) {
        // consume
      }
    }).rejects.toThrow(/already read/);
  });
});
