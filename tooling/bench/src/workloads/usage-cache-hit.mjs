// Row: how fast a cached answer comes back through @gemgate/native-gemini with
// @gemgate/usage-cache's responseCache, from memory and from a local Redis, against the same
// call answered by the mock gateway (a miss: no cache at all). Every driver returns the text
// and total tokens of the same question. Read the wall time per call: the targets are
// ≤ 200 µs from memory and ≤ 1,000 µs from Redis.
import { createGemini } from '@gemgate/native-gemini';
import { memoryStore, redisStore, responseCache } from '@gemgate/usage-cache';
import { Redis } from 'ioredis';
import { startLocalRedis } from '../payloads/local-redis.mjs';

const apiKey = 'sk-bench-not-a-real-key';
const model = 'gemini-2.5-flash';
const contents = [{ role: 'user', parts: [{ text: "How do I know I'm not wasting time?" }] }];
const silent = { debug: () => {}, warn: () => {} };

async function client({ upstreamURL, middleware }) {
  const gemini = createGemini({
    apiKey,
    baseURL: `${upstreamURL}/gemini`,
    logger: silent,
    env: {},
    middleware,
  });
  const once = async () => {
    const response = await gemini.models.generateContent({ model, contents });
    return { text: response.text, totalTokens: response.usage.totalTokens };
  };
  return { gemini, once };
}

export default {
  name: 'usage-cache-hit',
  description:
    'One generateContent answered by the mock gateway, or by responseCache from memory or a local Redis.',
  baseline: 'miss: mock gateway',
  // A hit costs tens of microseconds once the JIT has compiled the path: 300 warm-up calls
  // measured the interpreter (~180 µs CPU per hit) rather than steady state.
  iterations: 10000,
  warmup: 2000,
  repeats: 5,
  upstream: 'mock-gateway',
  drivers: {
    'miss: mock gateway': async ({ upstreamURL }) => {
      const { gemini, once } = await client({ upstreamURL, middleware: [] });
      return { once, close: () => gemini.close() };
    },
    'hit: memory': async ({ upstreamURL }) => {
      const cache = responseCache({ store: memoryStore(), logger: silent });
      const { gemini, once } = await client({ upstreamURL, middleware: [cache] });
      await once();
      return { once, close: () => gemini.close() };
    },
    'hit: local Redis': async ({ upstreamURL }) => {
      const server = await startLocalRedis();
      const redis = new Redis(server.url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        lazyConnect: true,
      });
      await redis.connect();
      const cache = responseCache({ store: redisStore({ redis }), logger: silent });
      const { gemini, once } = await client({ upstreamURL, middleware: [cache] });
      await once();
      // Storing runs behind the first call: wait until the answer is in Redis.
      while (cache.stats().stored === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      return {
        once,
        close: async () => {
          await gemini.close();
          redis.disconnect();
          await server.stop();
        },
      };
    },
  },
  check(answer, driverName) {
    if (!(answer?.text?.length > 20) || !(answer.totalTokens > 0)) {
      throw new Error(`${driverName}: unexpected answer ${JSON.stringify(answer)}`);
    }
  },
};
