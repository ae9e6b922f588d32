import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/server.js';
import { createTransport } from './create-transport.js';
import { AbortedError, InvalidArgumentError } from './errors.js';
import { type ResponseAccumulator, ResponseStream } from './response-stream.js';
import type { StreamTransportResponse } from './transport-types.js';
import { UnreadStreams } from './unread-streams.js';

/** Events that record whether they were let go of, as the transport's are (their `return()` frees the socket). */
function trackedEvents(
  items: unknown[],
): AsyncIterableIterator<unknown> & { returned: number; read: number } {
  let index = 0;
  return {
    returned: 0,
    read: 0,
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (this.returned > 0 || index >= items.length) return { value: undefined, done: true };
      this.read += 1;
      return { value: items[index++], done: false };
    },
    async return() {
      this.returned += 1;
      return { value: undefined, done: true };
    },
  };
}

function answerOf(events: AsyncIterable<unknown>): StreamTransportResponse {
  return { kind: 'stream', status: 200, headers: {}, requestId: 'req-1', events };
}

/** Chunks are the events doubled; the whole answer is their sum. */
const sum = (): ResponseAccumulator<number, number> => {
  let total = 0;
  return {
    add: (event) => {
      total += event as number;
      return (event as number) * 2;
    },
    result: () => total,
  };
};

function streamOf(events: AsyncIterable<unknown>, options: { unreadStreams?: UnreadStreams } = {}) {
  const { unreadStreams } = options;
  return new ResponseStream({
    open: answerOf(events),
    accumulate: sum,
    transport: unreadStreams ? { holdUnreadStream: (hold) => unreadStreams.add(hold) } : undefined,
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const isAborted = (error: unknown) => AbortedError.isInstance(error);

describe('ResponseStream', () => {
  it('gives each chunk, then the whole answer as a plain promise', async () => {
    const stream = streamOf(trackedEvents([1, 2, 3]));
    expect(await collect(stream)).toEqual([2, 4, 6]);
    const final = stream.final();
    expect(Object.getPrototypeOf(final)).toBe(Promise.prototype);
    expect(await final).toBe(6);
    expect(stream.requestId).toBe('req-1');
  });

  it('reads the stream itself when only final() is asked for', async () => {
    const events = trackedEvents([1, 2]);
    expect(await streamOf(events).final()).toBe(3);
    expect(events.read).toBe(2);
  });

  it('refuses a second iteration, naming the whole answer instead', async () => {
    const stream = new ResponseStream({
      open: answerOf(trackedEvents([1])),
      accumulate: sum,
      finalName: 'x()',
    });
    await stream.final();
    let error: unknown;
    try {
      stream[Symbol.asyncIterator]();
    } catch (caught) {
      error = caught;
    }
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('use x()');
  });

  it('lets go of the events on return() before the first next(), and final() rejects', async () => {
    const events = trackedEvents([1, 2]);
    const stream = streamOf(events);
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.return!()).toEqual({ value: undefined, done: true });
    expect(events.returned).toBe(1);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    await expect(stream.final()).rejects.toSatisfy(isAborted);
  });

  it('abort() before reading lets go of the events at once; after, the loop and final() reject', async () => {
    const unread = trackedEvents([1, 2]);
    const first = streamOf(unread);
    first.abort('no longer wanted');
    expect(unread.returned).toBe(1);
    await expect(first.final()).rejects.toSatisfy(
      (error) => isAborted(error) && (error as Error).cause === 'no longer wanted',
    );

    // Events that do not hear the signal (a middleware's) still end at the next event.
    const read = trackedEvents([1, 2, 3]);
    const second = streamOf(read);
    const seen: number[] = [];
    const failure = await (async () => {
      for await (const chunk of second) {
        seen.push(chunk);
        second.abort();
      }
    })().catch((caught: unknown) => caught);
    expect(isAborted(failure)).toBe(true);
    expect(seen).toEqual([2]);
    expect(read.returned).toBe(1);
    await expect(second.final()).rejects.toSatisfy(isAborted);
  });

  it('aborts through the caller’s signal, and sends nothing when it fired before the first use', async () => {
    const controller = new AbortController();
    controller.abort();
    let opened = 0;
    const stream = new ResponseStream({
      open: () => {
        opened += 1;
        return answerOf(trackedEvents([1]));
      },
      accumulate: sum,
      signal: controller.signal,
    });
    await expect(stream.final()).rejects.toSatisfy(isAborted);
    await expect(stream.ready()).rejects.toSatisfy(isAborted);
    expect(opened).toBe(0);

    // An answer already open is let go of.
    const events = trackedEvents([1]);
    const open = new ResponseStream({ open: answerOf(events), accumulate: sum, signal: controller.signal });
    expect(events.returned).toBe(1);
    await expect(open.final()).rejects.toSatisfy(isAborted);
  });

  it('never reports an unhandled rejection for a whole answer nobody asked for', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const failing = (async function* () {
        yield 1;
        throw new Error('cut');
      })();
      await expect(collect(streamOf(failing))).rejects.toThrow('cut');
      streamOf(trackedEvents([1])).abort();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  describe('tee()', () => {
    it('gives two readers every event, each with its own whole answer', async () => {
      const events = trackedEvents([1, 2, 3]);
      const [left, right] = streamOf(events).tee();
      const leftIterator = left[Symbol.asyncIterator]();
      // The left reader runs ahead; the right one still gets every event.
      expect((await leftIterator.next()).value).toBe(2);
      expect((await leftIterator.next()).value).toBe(4);
      expect(await collect(right)).toEqual([2, 4, 6]);
      expect((await leftIterator.next()).value).toBe(6);
      expect((await leftIterator.next()).done).toBe(true);
      expect(await left.final()).toBe(6);
      expect(await right.final()).toBe(6);
      expect(events.read).toBe(3);
      expect(events.returned).toBe(0);
    });

    it('frees the source only once both readers have left', async () => {
      const events = trackedEvents([1, 2, 3]);
      const stream = streamOf(events);
      const [left, right] = stream.tee();
      for await (const _chunk of left) break;
      expect(events.returned).toBe(0);
      expect(await right.final()).toBe(6);

      const abandoned = trackedEvents([1, 2, 3]);
      const [first, second] = streamOf(abandoned).tee();
      first.abort();
      expect(abandoned.returned).toBe(0);
      for await (const _chunk of second) break;
      expect(abandoned.returned).toBe(1);
      await expect(first.final()).rejects.toSatisfy(isAborted);
      await expect(second.final()).rejects.toSatisfy(isAborted);
    });

    it('is ended unread by the transport’s close, like any stream', async () => {
      const unreadStreams = new UnreadStreams();
      const events = trackedEvents([1, 2]);
      const [left, right] = streamOf(events, { unreadStreams }).tee();
      await left.ready();
      await right.ready();
      expect(unreadStreams.size).toBe(2);
      await unreadStreams.endAll(new AbortedError('closed'));
      expect(events.returned).toBe(1);
      await expect(left.final()).rejects.toSatisfy(isAborted);
      await expect(right.final()).rejects.toSatisfy(isAborted);
    });
  });

  describe('the transport’s hold on unread streams', () => {
    it('is let go of once the stream is read, and ends a stream left unread', async () => {
      const unreadStreams = new UnreadStreams();
      const read = streamOf(trackedEvents([1]), { unreadStreams });
      expect(unreadStreams.size).toBe(1);
      await read.final();
      expect(unreadStreams.size).toBe(0);

      const events = trackedEvents([1]);
      const unread = streamOf(events, { unreadStreams });
      const reason = new AbortedError('closed');
      await unreadStreams.endAll(reason);
      expect(unreadStreams.size).toBe(0);
      expect(events.returned).toBe(1);
      await expect(unread.final()).rejects.toBe(reason);
      // Reading it afterwards says why there is nothing, rather than giving an empty answer.
      await expect(collect(unread)).rejects.toBe(reason);
    });

    it('is weak: a stream dropped unread is collected, and its events let go of', async () => {
      setFlagsFromString('--expose-gc');
      const collectGarbage = runInNewContext('gc') as () => void;
      const unreadStreams = new UnreadStreams();
      const events = trackedEvents([1]);
      // An abort signal of the caller's that lives on, as a server's would.
      const callerSignal = new AbortController().signal;
      const collected: string[] = [];
      const registry = new FinalizationRegistry<string>((name) => collected.push(name));
      await (async () => {
        const stream = new ResponseStream({
          open: async ({ signal }) => {
            // The transport keeps the signal until the call's total timeout: so does this test.
            keptSignals.push(signal);
            return answerOf(events);
          },
          accumulate: sum,
          signal: callerSignal,
          transport: { holdUnreadStream: (hold) => unreadStreams.add(hold) },
        });
        await stream.ready();
        registry.register(stream, 'stream');
      })();
      expect(unreadStreams.size).toBe(1);
      // Finalization callbacks run some time after a collection: give them a few turns.
      for (let turn = 0; turn < 50 && (unreadStreams.size > 0 || collected.length === 0); turn++) {
        collectGarbage();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(collected).toEqual(['stream']);
      expect(unreadStreams.size).toBe(0);
      expect(events.returned).toBe(1);
    });
  });
});

const keptSignals: AbortSignal[] = [];

describe('ResponseStream over a transport', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const options = { baseURL: '', auth: 'bearer' as const, apiKey: 'sk-response-stream-0000', env: {} };

  it('is ended by the transport’s close when unread, which then does not wait for its socket', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      // The first event only: the answer stays open until someone lets go of it.
      response.write('data: 1\n\n');
    });
    const transport = createTransport({ ...options, baseURL: server.url });
    const stream = new ResponseStream({
      transport,
      open: ({ signal }) =>
        transport.request({
          method: 'POST',
          path: 'stream',
          stream: 'sse',
          signal,
        }) as Promise<StreamTransportResponse>,
      accumulate: sum,
    });
    await stream.ready();
    await transport.close();
    await expect(stream.final()).rejects.toSatisfy(isAborted);
    await server.waitForNoSockets();
  });

  it('abort() while reading closes the socket', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: 1\n\n');
    });
    const transport = createTransport({ ...options, baseURL: server.url });
    const stream = new ResponseStream({
      transport,
      open: ({ signal }) =>
        transport.request({
          method: 'POST',
          path: 'stream',
          stream: 'sse',
          signal,
        }) as Promise<StreamTransportResponse>,
      accumulate: sum,
    });
    const failure = (async () => {
      for await (const _chunk of stream) stream.abort();
    })().catch((caught: unknown) => caught);
    expect(isAborted(await failure)).toBe(true);
    await server.waitForNoSockets();
    await transport.close();
  });
});
