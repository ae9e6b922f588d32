/**
 * Redis stopped mid-run: calls are still served (from upstream), one warning is logged, and the
 * cache works again once the server is back, without anything being restarted on our side.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { redisStore, responseCache } from '../src/index.js';
import { startRedisServer, type TestRedisServer } from './redis-server.js';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
let server: TestRedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    lazyConnect: true,
    // Reconnect quickly so the test sees recovery soon; production keeps ioredis's default backoff.
    retryStrategy: () => 20,
  });
  // ioredis reports each failed reconnect as an 'error' event; unhandled, Node would throw it.
  redis.on('error', () => {});
  await redis.connect();
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

it('serves calls while Redis is down, warns once, and recovers after a restart', async () => {
  const warnings: string[] = [];
  const cache = responseCache({
    store: redisStore({ redis, prefix: 'outage:' }),
    logger: { warn: (message) => warnings.push(message) },
  });
  const gemini = mock.native({ middleware: [cache] });
  const ask = (text: string) => gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: text });

  await ask('before');
  await vi.waitFor(() => expect(cache.stats().stored).toBe(1), { interval: 1 });
  expect((await ask('before')).sdkHttpResponse?.headers['x-gemgate-cache']).toBe('hit');

  await server.stop();
  await vi.waitFor(() => expect(redis.status).not.toBe('ready'), { interval: 5 });
  const during = await Promise.all([ask('during 1'), ask('during 2'), ask('before')]);
  for (const answer of during) expect(answer.text).not.toBe('');
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/store failed/);
  expect(cache.stats().storeErrors).toBeGreaterThan(1);

  await server.start();
  await vi.waitFor(() => expect(redis.status).toBe('ready'), { timeout: 10_000, interval: 5 });
  const storedBefore = cache.stats().stored;
  await ask('after');
  await vi.waitFor(() => expect(cache.stats().stored).toBe(storedBefore + 1), { interval: 1 });
  expect((await ask('after')).sdkHttpResponse?.headers['x-gemgate-cache']).toBe('hit');
  // The server restarted empty (--save ''): the answer from before is fetched again, then kept.
  expect(warnings).toHaveLength(1);
  const upstreamCalls = mock.gateway.requests.length;
  expect(upstreamCalls).toBe(5);
});
