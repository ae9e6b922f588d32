import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  AbortedError,
  InvalidArgumentError,
  ResponseValidationError,
  StreamInterruptedError,
  type StreamTransportResponse,
} from '@gemgate/core-transport';
import { UnreadStreams } from '@gemgate/core-transport/internal';
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

/** Events that record whether they were let go of, as the transport's are (its `return()` frees the socket). */
function trackedEvents(items: unknown[]): AsyncIterableIterator<unknown> & { returned: number } {
  let index = 0;
  return {
    returned: 0,
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (this.returned > 0 || index >= items.length) return { value: undefined, done: true };
      return { value: items[index++], done: false };
    },
    async return() {
      this.returned += 1;
      return { value: undefined, done: true };
    },
  };
}

/** A stream over `events`, as the client builds one over the transport's answer. */
function chatStream({
  events,
  unreadStreams,
}: {
  events: AsyncIterable<unknown>;
  unreadStreams?: UnreadStreams | undefined;
}): ChatCompletionStream {
  const answer: StreamTransportResponse = {
    kind: 'stream',
    status: 200,
    headers: {},
    requestId: 'req-1',
    events,
  };
  const holder = unreadStreams;
  return new ChatCompletionStream({
    open: answer,
    transport: holder
      ? ({ holdUnreadStream: (hold) => holder.add(hold) } as ConstructorParameters<
          typeof ChatCompletionStream
        >[0]['transport'])
      : undefined,
  });
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
    const stream = chatStream({ events: events(answer) });
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
    const stream = chatStream({
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
    const stream = chatStream({
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
    const cases = [
      { bad: { error: undefined }, path: 'events.1.choices' },
      { bad: { ...chunk({}), choices: [null] }, path: 'events.1.choices.0' },
    ];
    for (const { bad, path } of cases) {
      const stream = chatStream({ events: events([chunk({ content: 'a' }), bad]) });
      await expect(stream.finalCompletion()).rejects.toSatisfy(
        (error) => ResponseValidationError.isInstance(error) && error.path === path,
      );
    }
  });

  it('reads the stream itself when only the aggregate is awaited', async () => {
    const stream = chatStream({ events: events(answer) });
    expect(await stream.finalText()).toBe('Hello world');
    expect(await stream.finalMessage()).toEqual({ role: 'assistant', content: 'Hello world' });
  });

  it('rejects the aggregate with the stream error, without an unhandled rejection', async () => {
    const failure = new StreamInterruptedError('cut', { partial: [] });
    const stream = chatStream({ events: events(answer.slice(0, 2), failure) });
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
      const stream = chatStream({ events: events(answer.slice(0, 1), new Error('cut')) });
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
    const stream = chatStream({ events: events(answer) });
    for await (const _ of stream) break;
    await expect(stream.finalCompletion()).rejects.toSatisfy((error) => AbortedError.isInstance(error));
  });

  it('cannot be iterated twice', async () => {
    const stream = chatStream({ events: events(answer) });
    await stream.finalCompletion();
    await expect(async () => {
      for await (const _ of stream) {
        // consume
      }
    }).rejects.toThrow(/already read/);
  });

  it('lets go of its events when its iterator is ended before the first chunk', async () => {
    const source = trackedEvents(answer);
    const stream = chatStream({ events: source });
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.return!()).toEqual({ value: undefined, done: true });
    expect(source.returned).toBe(1);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    await expect(stream.finalCompletion()).rejects.toSatisfy((error) => AbortedError.isInstance(error));

    const thrownInto = trackedEvents(answer);
    const other = chatStream({ events: thrownInto });
    const failure = new Error('stop');
    await expect(other[Symbol.asyncIterator]().throw!(failure)).rejects.toBe(failure);
    expect(thrownInto.returned).toBe(1);
    await expect(other.finalCompletion()).rejects.toSatisfy(
      (error) => AbortedError.isInstance(error) && (error as Error).cause === failure,
    );
  });

  it('lets go of its events on abort() or its controller’s abort before it is read, once', async () => {
    for (const cancel of [
      (stream: ChatCompletionStream) => stream.abort(),
      (stream: ChatCompletionStream) => stream.controller.abort(),
    ]) {
      const source = trackedEvents(answer);
      const stream = chatStream({ events: source });
      cancel(stream);
      stream.abort();
      expect(source.returned).toBe(1);
      await expect(stream.finalCompletion()).rejects.toSatisfy((error) => AbortedError.isInstance(error));
    }
  });

  it('lets go of its events when the loop breaks or a chunk is invalid, and not when they end', async () => {
    const broken = trackedEvents(answer);
    for await (const _ of chatStream({ events: broken })) break;
    expect(broken.returned).toBe(1);

    const invalid = trackedEvents([chunk({ content: 'a' }), { ...chunk({}), choices: [null] }, ...answer]);
    await expect(chatStream({ events: invalid }).finalCompletion()).rejects.toSatisfy((error) =>
      ResponseValidationError.isInstance(error),
    );
    expect(invalid.returned).toBe(1);

    const whole = trackedEvents(answer);
    await chatStream({ events: whole }).finalCompletion();
    expect(whole.returned).toBe(0);
  });

  it('refuses a second iterator while the first one reads, which reads on', async () => {
    const source = trackedEvents(answer);
    const stream = chatStream({ events: source });
    const reader = stream[Symbol.asyncIterator]();
    expect((await reader.next()).done).toBe(false);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(InvalidArgumentError);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/finalCompletion\(\)/);
    expect(source.returned).toBe(0);
    let count = 1;
    while (!(await reader.next()).done) count += 1;
    expect(count).toBe(answer.length);
    expect((await stream.finalCompletion()).text).toBe('Hello world');
  });

  it('is in the client’s set of unread streams until it is read, or ended by it', async () => {
    const unreadStreams = new UnreadStreams();
    const read = chatStream({ events: trackedEvents(answer), unreadStreams });
    expect(unreadStreams.size).toBe(1);
    await read.finalCompletion();
    expect(unreadStreams.size).toBe(0);

    const source = trackedEvents(answer);
    const unread = chatStream({ events: source, unreadStreams });
    const reason = new AbortedError('closed');
    await unreadStreams.endAll(reason);
    expect(unreadStreams.size).toBe(0);
    expect(source.returned).toBe(1);
    await expect(unread.finalCompletion()).rejects.toBe(reason);
  });

  it('leaves the client’s set of unread streams once dropped and collected', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const unreadStreams = new UnreadStreams();
    (() => {
      chatStream({ events: trackedEvents(answer), unreadStreams });
    })();
    expect(unreadStreams.size).toBe(1);
    // Finalization callbacks run some time after a collection: give them a few turns.
    for (let turn = 0; turn < 50 && unreadStreams.size > 0; turn++) {
      collect();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(unreadStreams.size).toBe(0);
  });
});
