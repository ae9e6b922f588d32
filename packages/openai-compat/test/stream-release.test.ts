/**
 * A stream the caller stops wanting, in any way the package offers, frees its socket at once,
 * so the client's `close()` (undici's `Agent.close()`, which waits for open requests) does not
 * wait for the call's total timeout. Sockets are counted as the process's open TCP handles:
 * the client's end and the mock's end of one connection are two.
 */
import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError, createOpenAICompat, type OpenAICompatClient, ServerError } from '../src/index.js';
import { testApiKey } from './use-mock-gateway.js';

let gateway: MockGateway;
const clients: OpenAICompatClient[] = [];

beforeAll(async () => {
  gateway = await startMockGateway({ apiKeys: [testApiKey] });
});
afterAll(async () => {
  // The gateway first: it ends every connection, so a client left holding one (the bug these
  // tests are about) cannot hang this hook.
  await gateway.close();
  await Promise.all(clients.map((client) => client.close()));
});

const params = {
  model: 'gemini-2.0-flash',
  messages: [{ role: 'user' as const, content: 'Explain the Occam’s Razor concept in one paragraph.' }],
  stream: true as const,
};
/** Chunks 5 s apart: a held stream would keep its socket far longer than any wait below. */
// A minute between chunks: a close or a wait that hung on such a stream could not end within the ten
// seconds the checks below allow, however loaded the machine.
const slowChunks = { 'x-mock-fault': 'slow-chunks=60000' };

function client(headers: Record<string, string> = {}): OpenAICompatClient {
  const created = createOpenAICompat({
    apiKey: testApiKey,
    baseURL: gateway.openaiBaseURL,
    maxRetries: 0,
    headers,
  });
  clients.push(created);
  return created;
}

/** Closes a client of this file, which the closing hook then leaves alone (a second close throws). */
function close(own: OpenAICompatClient): Promise<void> {
  clients.splice(clients.indexOf(own), 1);
  return own.close();
}

function openSockets(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;
}

/** The open socket count once it is down to `count`, or as it is after two seconds. */
async function socketsDownTo(count: number): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (openSockets() > count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return openSockets();
}

/** Whether `promise` settles within ten seconds (far below the minute-long chunks or the 10 min total timeout it would otherwise wait for). */
async function settlesSoon(promise: Promise<unknown>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 10_000);
  });
  const settled = promise.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}

function isAborted(error: unknown): boolean {
  return AbortedError.isInstance(error);
}

describe('a stream left before its first chunk is read', () => {
  it('return() on its iterator frees the socket, and the client closes at once', async () => {
    const own = client(slowChunks);
    const before = openSockets();
    const stream = await own.chat.completions.create(params);
    // The open answer holds a connection (both of its ends).
    expect(openSockets()).toBe(before + 2);
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.return!()).toEqual({ value: undefined, done: true });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    await expect(stream.finalCompletion()).rejects.toSatisfy(isAborted);
    expect(await socketsDownTo(before)).toBe(before);
    expect(await settlesSoon(close(own))).toBe(true);
  });

  it('throw() on its iterator frees the socket and hands the error back', async () => {
    const own = client(slowChunks);
    const before = openSockets();
    const stream = await own.chat.completions.create(params);
    const failure = new Error('given up');
    await expect(stream[Symbol.asyncIterator]().throw!(failure)).rejects.toBe(failure);
    // The answer was given up: an AbortedError, carrying the caller's reason.
    await expect(stream.finalCompletion()).rejects.toSatisfy(
      (error) => isAborted(error) && (error as Error).cause === failure,
    );
    expect(await socketsDownTo(before)).toBe(before);
    expect(await settlesSoon(close(own))).toBe(true);
  });

  it.each([
    ['abort()', (stream: { abort(): void }) => stream.abort()],
    ['controller.abort()', (stream: { controller: AbortController }) => stream.controller.abort()],
  ])('%s frees the socket of a stream nobody reads', async (_label, cancel) => {
    const own = client(slowChunks);
    const before = openSockets();
    const stream = await own.chat.completions.create(params);
    cancel(stream);
    await expect(stream.finalCompletion()).rejects.toSatisfy(isAborted);
    expect(await socketsDownTo(before)).toBe(before);
    expect(await settlesSoon(close(own))).toBe(true);
  });

  it('the caller’s signal frees the socket of a stream nobody reads', async () => {
    const own = client(slowChunks);
    const before = openSockets();
    const controller = new AbortController();
    const stream = await own.chat.completions.create(params, { signal: controller.signal });
    controller.abort();
    await expect(stream.finalCompletion()).rejects.toSatisfy(isAborted);
    expect(await socketsDownTo(before)).toBe(before);
    expect(await settlesSoon(close(own))).toBe(true);
  });
});

describe('the client’s close()', () => {
  it('ends the streams nobody reads, frees their sockets and does not wait for them', async () => {
    const own = client(slowChunks);
    const before = openSockets();
    const first = await own.chat.completions.create(params);
    const second = await own.chat.completions.create(params);
    expect(openSockets()).toBe(before + 4);
    expect(await settlesSoon(close(own))).toBe(true);
    for (const stream of [first, second]) {
      await expect(stream.finalCompletion()).rejects.toThrow(
        'The client was closed before this stream was read.',
      );
      // Reading it afterwards tells why there is nothing, rather than giving an empty answer.
      await expect(async () => {
        for await (const _chunk of stream) {
          // nothing to read
        }
      }).rejects.toThrow('The client was closed before this stream was read.');
    }
    expect(await socketsDownTo(before)).toBe(before);
  });

  it('leaves alone a stream that was read to its end or broke off', async () => {
    const own = client();
    const read = await own.chat.completions.create(params);
    expect((await read.finalCompletion()).text.length).toBeGreaterThan(0);
    const broken = await own.chat.completions.create(params, {
      headers: { 'x-mock-fault': 'error-in-stream' },
    });
    await expect(broken.finalCompletion()).rejects.toSatisfy((error) => ServerError.isInstance(error));
    const left = await own.chat.completions.create(params);
    for await (const _chunk of left) break;
    await expect(left.finalCompletion()).rejects.toSatisfy(isAborted);
    // Nothing holds a request open any more, so closing the pool is immediate.
    expect(await settlesSoon(close(own))).toBe(true);
  });

  it('lets a stream that is being read finish', async () => {
    const own = client({ 'x-mock-fault': 'slow-chunks=20' });
    const stream = await own.chat.completions.create(params);
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    const closing = close(own);
    let text = first.value!.text;
    for (let result = await iterator.next(); !result.done; result = await iterator.next())
      text += result.value.text;
    expect(text).toBe((await stream.finalCompletion()).text);
    await closing;
  });
});
