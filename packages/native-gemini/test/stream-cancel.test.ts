import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AbortedError, GemgateError } from '@gemgate/core-transport';
import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGemini, type Gemini, type GeminiOptions } from '../src/index.js';
import { apiKey } from './gateway.js';

let mock: MockGateway;
/** Chunks come a minute apart on this one, so a stream stays open until someone gives it up. */
let slowMock: MockGateway;
beforeAll(async () => {
  mock = await startMockGateway({ apiKeys: [apiKey] });
  slowMock = await startMockGateway({ apiKeys: [apiKey], latency: { chunkMs: 60_000 } });
});
beforeEach(() => mock.reset());
// Ends whatever connections a failing test left open.
afterAll(() => Promise.all([mock.close(), slowMock.close()]));

const gateway = () => mock;

/** Each test closes its client itself: that close is what is being checked. */
function client({ gateway = mock, ...options }: GeminiOptions & { gateway?: MockGateway } = {}): Gemini {
  return createGemini({
    apiKey,
    baseURL: gateway.nativeBaseURL,
    logger: { debug: () => {}, warn: () => {} },
    env: {},
    ...options,
  });
}

/** Keeps the answer open: the first chunk comes at once, the next one a minute later. */
const slow = { headers: { 'x-mock-fault': 'slow-chunks=60000' } };

const request = { model: 'gemini-2.5-flash', contents: 'Tell me about the Rule of 72' };

/** Open TCP sockets of this process, client and server ends alike. */
function openSockets(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;
}

/**
 * Closes the client and says whether that took less than ten seconds: a stream holding its
 * socket makes undici's close wait for the total timeout (ten minutes), so the answer is one of
 * order, however loaded the machine.
 */
async function closesPromptly(gemini: Gemini): Promise<boolean> {
  const closed = gemini.close().then(() => true);
  const late = sleep(10_000, false, { ref: false });
  return Promise.race([closed, late]);
}

/** Waits until the sockets opened since `before` are gone; false if some are still open after ten seconds. */
async function socketsBackTo(before: number): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (openSockets() <= before) return true;
    await sleep(20);
  }
  return false;
}

async function abortedError(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(AbortedError.isInstance(error)).toBe(true);
  return error;
}

describe('a stream given up before it is read', () => {
  it('return() before the first next() frees the socket, so close() does not wait', async () => {
    const before = openSockets();
    const gemini = client(slow);
    const stream = gemini.models.generateContentStream(request);
    const view = await stream; // the headers arrived: the answer is open
    const iterator = view[Symbol.asyncIterator]();
    expect(await iterator.return!()).toEqual({ value: undefined, done: true });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    await abortedError(stream.response);
    expect(await socketsBackTo(before)).toBe(true);
    expect(await closesPromptly(gemini)).toBe(true);
  });

  it('throw() before the first next() frees the socket too', async () => {
    const before = openSockets();
    const gemini = client(slow);
    const stream = gemini.models.generateContentStream(request);
    await stream;
    const failure = new Error('the caller gave up');
    await expect(stream[Symbol.asyncIterator]().throw!(failure)).rejects.toBe(failure);
    await abortedError(stream.response);
    expect(await socketsBackTo(before)).toBe(true);
    expect(await closesPromptly(gemini)).toBe(true);
  });

  it('return() while the headers are on their way frees the socket once they arrive', async () => {
    const before = openSockets();
    const gemini = client({ gateway: slowMock, headers: { 'x-mock-fault': 'slow-first-byte=300' } });
    const stream = gemini.models.generateContentStream(request);
    const headers = stream.then(() => 'open');
    const sent = slowMock.requests.length + 1;
    while (slowMock.requests.length < sent) await sleep(10);
    await stream[Symbol.asyncIterator]().return!();
    expect(await headers).toBe('open');
    await abortedError(stream.response);
    expect(await socketsBackTo(before)).toBe(true);
    expect(await closesPromptly(gemini)).toBe(true);
  });

  it('return() before anything was sent sends nothing', async () => {
    const gemini = client(slow);
    const stream = gemini.models.generateContentStream(request);
    await stream[Symbol.asyncIterator]().return!();
    await abortedError(stream.response);
    // Awaiting it afterwards does not send the request either.
    await abortedError(Promise.resolve(stream));
    expect(gateway().requests).toHaveLength(0);
    expect(await closesPromptly(gemini)).toBe(true);
  });

  it('an opened stream nobody reads is released by the client close', async () => {
    const before = openSockets();
    const gemini = client(slow);
    const stream = gemini.models.generateContentStream(request);
    await stream;
    expect(await closesPromptly(gemini)).toBe(true);
    expect(await socketsBackTo(before)).toBe(true);
    await abortedError(stream.response);
    // Reading it after the close tells why there is nothing, rather than giving an empty answer.
    const chunks: unknown[] = [];
    const error = await (async () => {
      for await (const chunk of stream) chunks.push(chunk);
    })().catch((caught: unknown) => caught);
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(chunks).toEqual([]);
  });

  it('a chat stream given up before reading settles its turn, and the chat goes on', async () => {
    const gemini = client();
    const chat = gemini.chats.create({ model: 'gemini-2.5-flash' });
    const stream = chat.sendMessageStream({ message: 'First question' });
    await stream;
    await stream[Symbol.asyncIterator]().return!();
    await abortedError(stream.response);
    const answer = await chat.sendMessage({ message: 'Second question' });
    expect(answer.text.length).toBeGreaterThan(0);
    // The abandoned turn was not committed.
    expect(chat.getHistory()).toHaveLength(2);
    expect(await closesPromptly(gemini)).toBe(true);
  });

  it('a chat stream given up while it waits for the previous turn is never sent', async () => {
    const gemini = client();
    const chat = gemini.chats.create({ model: 'gemini-2.5-flash' });
    const first = chat.sendMessageStream({ message: 'First question' });
    const second = chat.sendMessageStream({ message: 'Second question' });
    const secondOpen = Promise.resolve(second).then(
      () => 'open',
      (error: unknown) => error,
    );
    await second[Symbol.asyncIterator]().return!();
    for await (const _chunk of first) {
      // Read to its end.
    }
    expect(AbortedError.isInstance(await secondOpen)).toBe(true);
    expect(gateway().requests).toHaveLength(1);
    expect(chat.getHistory()).toHaveLength(2);
    expect(await closesPromptly(gemini)).toBe(true);
  });
});

describe('the client’s hold on a stream', () => {
  it('is weak: a stream awaited and then dropped is collected, and frees its socket', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const before = openSockets();
    const gemini = client(slow);
    const collected: string[] = [];
    const registry = new FinalizationRegistry<string>((name) => collected.push(name));
    await (async () => {
      const stream = gemini.models.generateContentStream(request);
      await stream; // the answer is open, and nobody reads it
      registry.register(stream, 'stream');
    })();
    // Finalization callbacks run some time after a collection: give them a few turns.
    for (let turn = 0; turn < 100 && collected.length === 0; turn++) {
      collectGarbage();
      await sleep(10);
    }
    expect(collected).toEqual(['stream']);
    expect(await socketsBackTo(before)).toBe(true);
    expect(await closesPromptly(gemini)).toBe(true);
  });

  it('gives `response` as a plain promise, and takes no second parameter', async () => {
    const gemini = client();
    const stream = gemini.models.generateContentStream(request);
    expect(Object.getPrototypeOf(stream.response)).toBe(Promise.prototype);
    expect(gemini.models.generateContentStream.length).toBe(1);
    expect((await stream.response).finishReason).toBe('STOP');
    expect(await closesPromptly(gemini)).toBe(true);
  });
});

describe('a stream that ends keeps no socket', () => {
  it('after a break in the loop', async () => {
    const before = openSockets();
    const gemini = client(slow);
    const stream = gemini.models.generateContentStream(request);
    for await (const chunk of stream) {
      expect(chunk.text.length).toBeGreaterThan(0);
      break;
    }
    await abortedError(stream.response);
    expect(await socketsBackTo(before)).toBe(true);
    expect(await closesPromptly(gemini)).toBe(true);
  });

  it('after being read to its end', async () => {
    const gemini = client();
    const stream = gemini.models.generateContentStream(request);
    for await (const _chunk of stream) {
      // Read to its end.
    }
    expect((await stream.response).finishReason).toBe('STOP');
    expect(await closesPromptly(gemini)).toBe(true);
  });

  it('after an error event', async () => {
    const gemini = client({ headers: { 'x-mock-fault': 'error-in-stream' } });
    const stream = gemini.models.generateContentStream(request);
    const error = await (async () => {
      for await (const _chunk of stream) {
        // Read until it fails.
      }
    })().catch((caught: unknown) => caught);
    expect(GemgateError.isInstance(error)).toBe(true);
    expect(await closesPromptly(gemini)).toBe(true);
  });

  it('after its abortSignal fires before it is read', async () => {
    const before = openSockets();
    const gemini = client(slow);
    const controller = new AbortController();
    const stream = gemini.models.generateContentStream({
      ...request,
      config: { abortSignal: controller.signal },
    });
    await stream;
    controller.abort();
    expect(await socketsBackTo(before)).toBe(true);
    expect(await closesPromptly(gemini)).toBe(true);
  });
});
