// Everything the CLI takes from @gemgate/usage-cache goes through this file, so a change of
// that package's API is a fix here only.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Middleware, ModelRegistry, Usage } from '@gemgate/core-transport';
import {
  estimateCost,
  implicitCacheReport,
  jsonlSink,
  priceTableFromRegistry,
  responseCache,
  summarizeUsage,
  type UsageGrouping,
  usageLedger,
} from '@gemgate/usage-cache';
import { cliPaths } from './cli-paths.js';
import { fileCacheStore } from './file-cache-store.js';

const silent = { warn: () => {} };
let answeredFromCache = false;

/** The ledger middleware: every call the CLI makes is appended to the local usage ledger. */
export async function ledgerMiddleware(): Promise<Middleware> {
  const path = cliPaths().ledger;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  return usageLedger({ sink: jsonlSink({ path }), logger: silent });
}

/** The response cache on disk, and a watcher that notes whether it answered the last call. */
export async function responseCacheMiddleware(): Promise<Middleware> {
  const cache = responseCache({ store: fileCacheStore({ directory: cliPaths().responseCache }) });
  return async (request, next) => {
    const response = await cache(request, next);
    answeredFromCache = response.headers['x-gemgate-cache'] === 'hit';
    return response;
  };
}

/** Whether the response cache answered the last call. */
export function lastAnswerFromCache(): boolean {
  return answeredFromCache;
}

/** The estimated cost of a usage, or `undefined` for a model the price table lacks. */
export function costOf({ usage, model }: { usage: Usage; model: string }): number | undefined {
  return estimateCost({ usage, model }).usd;
}

/**
 * The cost estimator of a session: the dated price table, refined by the gateway's own prices
 * when `gemgate models --details` has cached its models API (read from disk, whatever its age,
 * and never fetched here: a chat must not wait on it).
 */
export async function costEstimator(): Promise<typeof costOf> {
  let registry: ModelRegistry | undefined;
  try {
    registry = JSON.parse(await readFile(cliPaths().modelRegistry, 'utf8')) as ModelRegistry;
  } catch {
    // No cached copy (or a damaged one): the dated table alone.
    return costOf;
  }
  if (!Array.isArray(registry?.entries) || typeof registry.fetchedAt !== 'string') return costOf;
  const priceTable = priceTableFromRegistry({ registry });
  return ({ usage, model }) => estimateCost({ usage, model, priceTable }).usd;
}

/** The ledger's totals by `by`, with the implicit-cache savings per model. */
export async function usageReport({ by }: { by: 'model' | 'day' | 'route' }) {
  const records = await jsonlSink({ path: cliPaths().ledger }).read();
  const entries = records.map((record) => ({ ...record, model: record.model, usage: record.usage }));
  return {
    totals: summarizeUsage({ entries, by: by as UsageGrouping }),
    implicitCache: implicitCacheReport({
      entries: records.map((record) => ({ ...record, usage: record.answerUsage ?? record.usage })),
    }),
    responseCacheHits: records.filter((record) => record.cacheHit).length,
    calls: records.length,
  };
}
