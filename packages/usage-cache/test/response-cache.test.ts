/**
 * The response cache through both clients against the mock gateway, the whole suite run twice:
 * on the in-memory store and on a real redis-server.
 */
import { ServerError, StreamInterruptedError } from '@gemgate/core-transport';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type CacheStore,
  cacheControl,
  memoryStore,
  type ResponseCache,
  redisStore,
  responseCache,
} from '../src/index.js';
import { startRedisServer, type TestRedisServer } from './redis-server.js';
import { otherApiKey, useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
let redisServer: TestRedisServer;
let redis: Redis;
let redisPrefixCount = 0;

beforeAll(async () => {
  redisServer = await startRedisServer();
  redis = new Redis(redisServer.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    lazyConnect: true,
  });
  await redis.connect();
});
afterAll(async () => {
  redis.disconnect();
  await redisServer.stop();
});

interface StoreUnderTest {
  store: CacheStore;
  /** Moves the store's clock (memory) or waits for the server to expire the entries (Redis). */
  expire: () => Promise<void>;
}

const stores: Array<[string, (ttl: number) => StoreUnderTest]> = [
  [
    'memory',
    () => {
      let now = 1_000_000;
      const store = memoryStore({ now: () => now });
      return {
        store,
        expire: async () => {
          now += 24 * 3_600_000;
        },
      };
    },
  ],
  [
    'redis',
    (ttl) => {
      redisPrefixCount += 1;
      const prefix = `test:${redisPrefixCount}:`;
      return {
        store: redisStore({ redis, prefix }),
        // The server keeps the TTL: wait (polling, no timing assertion) until it dropped the keys.
        expire: async () => {
          await new Promise((resolve) => setTimeout(resolve, ttl));
          await vi.waitFor(async () => expect(await redis.keys(`${prefix}*`)).toEqual([]), {
            timeout: 5_000,
            interval: 10,
          });
        },
      };
    },
  ],
];

const contents = [{ role: 'user' as const, parts: [{ text: 'Name three rivers of Europe.' }] }];
const messages = [{ role: 'user' as const, content: 'Name three rivers of Europe.' }];

/** Waits until the cache's store has accepted `count` answers (storing runs behind the call). */
async function storedCount(cache: ResponseCache, count: number): Promise<void> {
  await vi.waitFor(() => expect(cache.stats().stored).toBe(count), { timeout: 5_000, interval: 1 });
}

describe.each(stores)('responseCache on the %s store', (_name, makeStore) => {
  it('answers an identical native call from the cache, marked as a hit, without a second upstream call', async () => {
    const { store } = makeStore(50);
    const cache = responseCache({ store });
    const gemini = mock.native({ middleware: [cache] });
    const first = await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents });
    await storedCount(cache, 1);
    const second = await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents });
    expect(mock.gateway.requests).toHaveLength(1);
    expect(second.raw).toEqual(first.raw);
    expect(first.sdkHttpResponse?.headers['x-gemgate-cache']).toBe('miss');
    expect(second.sdkHttpResponse?.headers['x-gemgate-cache']).toBe('hit');
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it('answers an identical OpenAI-route call from the cache', async () => {
    const { store } = makeStore(50);
    const cache = responseCache({ store });
    const client = mock.openai({ middleware: [cache] });
    const first = await client.chat.completions.create({ model: 'gemini-2.5-flash', messages });
    await storedCount(cache, 1);
    const { data, response } = await client.chat.completions
      .create({ model: 'gemini-2.5-flash', messages })
      .withResponse();
    expect(mock.gateway.requests).toHaveLength(1);
    expect(data.choices).toEqual(first.choices);
    expect(response.headers.get('x-gemgate-cache')).toBe('hit');
  });

  it('keys on what is asked, not on who asks or how: another API key and other headers still hit', async () => {
    const { store } = makeStore(50);
    const cache = responseCache({ store });
    await mock
      .native({ middleware: [cache] })
      .models.generateContent({ model: 'gemini-2.5-flash', contents });
    await storedCount(cache, 1);
    const other = mock.native({ middleware: [cache], apiKey: otherApiKey });
    const hit = await other.models.generateContent({
      model: 'gemini-2.5-flash',
      contents,
      config: { httpOptions: { headers: { 'x-trace': 'another' } } },
    });
    expect(hit.sdkHttpResponse?.headers['x-gemgate-cache']).toBe('hit');
    expect(mock.gateway.requests).toHaveLength(1);
    // A different question is a different key.
    await other.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Something else' });
    expect(mock.gateway.requests).toHaveLength(2);
  });

  it('replays a native stream equal to the original, chunk by chunk', async () => {
    const { store } = makeStore(50);
    const cache = responseCache({ store });
    const gemini = mock.native({ middleware: [cache] });
    const read = async () => {
      const chunks: unknown[] = [];
      for await (const chunk of gemini.models.generateContentStream({
        model: 'gemini-2.5-flash',
        contents,
        config: { thinkingConfig: { includeThoughts: true } },
      })) {
        chunks.push(chunk.raw);
      }
      return chunks;
    };
    const original = await read();
    await storedCount(cache, 1);
    const replayed = await read();
    expect(original.length).toBeGreaterThan(2);
    expect(replayed).toEqual(original);
    expect(mock.gateway.requests).toHaveLength(1);
  });

  it('replays an OpenAI-route stream equal to the original, chunk by chunk', async () => {
    const { store } = makeStore(50);
    const cache = responseCache({ store });
    const client = mock.openai({ middleware: [cache] });
    const read = async () => {
      const chunks: string[] = [];
      const stream = await client.chat.completions.create({
        model: 'gemini-2.5-flash',
        messages,
        stream: true,
        stream_options: { include_usage: true },
      });
      for await (const chunk of stream) chunks.push(JSON.stringify(chunk));
      return chunks;
    };
    const original = await read();
    await storedCount(cache, 1);
    const replayed = await read();
    expect(original.length).toBeGreaterThan(2);
    expect(replayed).toEqual(original);
    expect(mock.gateway.requests).toHaveLength(1);
  });

  it('keeps a streamed answer and a whole answer apart, under one key without the stream flag', async () => {
    const { store } = makeStore(50);
    const cache = responseCache({ store });
    const gemini = mock.native({ middleware: [cache] });
    await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents });
    const stream = gemini.models.generateContentStream({ model: 'gemini-2.5-flash', contents });
    const texts: string[] = [];
    for await (const chunk of stream) texts.push(chunk.text);
    expect(mock.gateway.requests).toHaveLength(2);
    expect(cache.stats().hits).toBe(0);
  });

  it('expires an answer after its TTL', async () => {
    const ttl = 40;
    const { store, expire } = makeStore(ttl);
    const cache = responseCache({ store, ttl });
    const gemini = mock.native({ middleware: [cache] });
    await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents });
    await storedCount(cache, 1);
    await expire();
    const after = await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents });
    expect(after.sdkHttpResponse?.headers['x-gemgate-cache']).toBe('miss');
    expect(mock.gateway.requests).toHaveLength(2);
  });

  it('never stores an error answer', async () => {
    const { store } = makeStore(50);
    const cache = responseCache({ store });
    const gemini = mock.native({ middleware: [cache] });
    const failed = gemini.models.generateContent({
      model: 'gemini-2.5-flash',
      contents,
      config: { httpOptions: { headers: { 'x-mock-fault': '500' } } },
    });
    await expect(failed).rejects.toSatisfy((error) => ServerError.isInstance(error));
    const answer = await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents });
    expect(answer.sdkHttpResponse?.headers['x-gemgate-cache']).toBe('miss');
    expect(mock.gateway.requests).toHaveLength(2);
  });

  it('never stores an interrupted stream, nor one the caller let go early', async () => {
    const { store } = makeStore(50);
    const cache = responseCache({ store });
    const gemini = mock.native({ middleware: [cache] });
    const interrupted = async () => {
      for await (const _chunk of gemini.models.generateContentStream({
        model: 'gemini-2.5-flash',
        contents,
        config: { httpOptions: { headers: { 'x-mock-fault': 'reset-mid-stream; after=1' } } },
      })) {
        // read until it breaks
      }
    };
    await expect(interrupted()).rejects.toSatisfy((error) => StreamInterruptedError.isInstance(error));
    for await (const _chunk of gemini.models.generateContentStream({ model: 'gemini-2.5-flash', contents })) {
      break;
    }
    const texts: string[] = [];
    for await (const chunk of gemini.models.generateContentStream({ model: 'gemini-2.5-flash', contents })) {
      texts.push(chunk.text);
    }
    expect(mock.gateway.requests).toHaveLength(3);
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 3 });
  });

  it('coalesces 50 concurrent identical calls into one upstream call (single flight)', async () => {
    const { store } = makeStore(50);
    const cache = responseCache({ store });
    const gemini = mock.native({ middleware: [cache] });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        gemini.models.generateContent({ model: 'gemini-2.5-flash', contents }),
      ),
    );
    expect(mock.gateway.requests).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(cache.stats()).toMatchObject({ misses: 1, coalesced: 49 });
  });

  it('coalesces 50 concurrent identical streams into one upstream call', async () => {
    const { store } = makeStore(50);
    const cache = responseCache({ store });
    const client = mock.openai({ middleware: [cache] });
    const read = async () => {
      let text = '';
      const stream = await client.chat.completions.create({
        model: 'gemini-2.5-flash',
        messages,
        stream: true,
      });
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
      return text;
    };
    const texts = await Promise.all(Array.from({ length: 50 }, read));
    expect(mock.gateway.requests).toHaveLength(1);
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).not.toBe('');
  });

  it('does not hang an identical call behind a stream its caller never reads: it goes upstream itself', async () => {
    const { store } = makeStore(50);
    const cache = responseCache({ store, coalesceTimeout: 200 });
    const client = mock.openai({ middleware: [cache] });
    const create = () =>
      client.chat.completions.create({ model: 'gemini-2.5-flash', messages, stream: true });
    // Opened (headers in) and then left unread: its answer never completes.
    const unread = await create();
    let text = '';
    for await (const chunk of await create()) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).not.toBe('');
    expect(mock.gateway.requests).toHaveLength(2);
    unread.abort();
  });

  it('honours per-call settings: refresh skips the lookup, noStore skips storing; the header never leaves', async () => {
    const { store } = makeStore(50);
    const cache = responseCache({ store });
    const gemini = mock.native({ middleware: [cache] });
    const call = (headers: Record<string, string>) =>
      gemini.models.generateContent({
        model: 'gemini-2.5-flash',
        contents,
        config: { httpOptions: { headers } },
      });
    await call(cacheControl({ noStore: true }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cache.stats().stored).toBe(0);
    await call({});
    await storedCount(cache, 1);
    const refreshed = await call(cacheControl({ refresh: true }));
    expect(refreshed.sdkHttpResponse?.headers['x-gemgate-cache']).toBe('miss');
    const hit = await call({});
    expect(hit.sdkHttpResponse?.headers['x-gemgate-cache']).toBe('hit');
    expect(mock.gateway.requests).toHaveLength(3);
    for (const request of mock.gateway.requests) expect(request.headers['x-gemgate-cache']).toBeUndefined();
  });
});
