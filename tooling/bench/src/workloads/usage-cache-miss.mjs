// Row: the CPU responseCache and usageLedger add to a call the cache cannot answer. Both
// drivers ask the mock gateway a different question each time (a counter in the text), so
// every call is a miss: the cached driver also hashes the request, looks it up, stores the
// answer (memory LRU) and writes a ledger record (memory sink, cost estimated). Target ≤ 1.05×.
// A third driver, the floor, does only what any SHA-256-keyed cache must (key, lookup, keep the
// text), so the table shows how much of the row is the key itself.
import { createGemini } from '@gemgate/native-gemini';
import { cacheKeyOf, memorySink, responseCache, usageLedger } from '@gemgate/usage-cache';

const apiKey = 'sk-bench-not-a-real-key';
const model = 'gemini-2.5-flash';
const silent = { debug: () => {}, warn: () => {} };

function driver({ upstreamURL, middleware }) {
  const gemini = createGemini({
    apiKey,
    baseURL: `${upstreamURL}/gemini`,
    logger: silent,
    env: {},
    middleware,
  });
  let counter = 0;
  return {
    once: async () => {
      counter += 1;
      const contents = [
        { role: 'user', parts: [{ text: `Question ${counter}: how do I know I'm not wasting time?` }] },
      ];
      const response = await gemini.models.generateContent({ model, contents });
      return {
        text: response.text,
        totalTokens: response.usage.totalTokens,
        cache: response.sdkHttpResponse?.headers['x-gemgate-cache'],
      };
    },
    close: () => gemini.close(),
  };
}

/**
 * The least a cache keyed as the issue asks can add to a miss, for scale: the request's
 * `cacheKeyOf` (SHA-256 of its canonical JSON), one `Map` lookup, the answer's wire text kept
 * (1,000 at most) and the miss header set. No ledger, TTL, byte bound, single flight or
 * per-call control: not a cache anyone should ship, only the floor the real row stands on.
 */
function floorCache() {
  const answers = new Map();
  return (request, next) => {
    const key = cacheKeyOf({ request });
    if (answers.get(key) !== undefined)
      throw new Error('floor cache: every question is new, no hit expected');
    return next(request).then((response) => {
      response.headers['x-gemgate-cache'] = 'miss';
      answers.set(key, response.wire.text);
      if (answers.size > 1000) answers.delete(answers.keys().next().value);
      return response;
    });
  };
}

export default {
  name: 'usage-cache-miss',
  description: 'One generateContent the cache cannot answer, with and without responseCache + usageLedger.',
  baseline: '@gemgate/native-gemini',
  targets: { '+ responseCache + usageLedger': 1.05 },
  // Paired batches (run-paired-workload.mjs): a 5% target is smaller than the drift between
  // whole runs on a shared machine (the same row read 1.05x, 1.10x and 1.28x minutes apart),
  // and than the luck of a single process: with four processes per driver two identical drivers
  // still read up to 5% apart, with twelve within 2% (0.98x and 1.02x), hence twelve.
  paired: { batch: 150, rounds: 96, processes: 12 },
  warmup: 1000,
  upstream: 'mock-gateway',
  drivers: {
    '@gemgate/native-gemini': async ({ upstreamURL }) => driver({ upstreamURL, middleware: [] }),
    'floor: key + Map only (for scale)': async ({ upstreamURL }) =>
      driver({ upstreamURL, middleware: [floorCache()] }),
    '+ responseCache + usageLedger': async ({ upstreamURL }) => {
      // The sink keeps every record, as a process-lifetime ledger would; 2,300 records are small.
      const ledger = usageLedger({ sink: memorySink(), logger: silent });
      return driver({ upstreamURL, middleware: [ledger, responseCache({ logger: silent })] });
    },
  },
  check(answer, driverName) {
    if (!(answer?.text?.length > 20) || !(answer.totalTokens > 0)) {
      throw new Error(`${driverName}: unexpected answer ${JSON.stringify(answer)}`);
    }
    if (driverName !== '@gemgate/native-gemini' && answer.cache !== 'miss') {
      throw new Error(`${driverName}: expected a miss, got ${answer.cache}`);
    }
  },
};
