export {
  type CacheControl,
  cacheAgeHeader,
  cacheControl,
  cacheHeader,
} from './cache-control.js';
export { cacheKeyOf } from './cache-key.js';
export type { CacheStore } from './cache-store.js';
export { canonicalJson } from './canonical-json.js';
export { type CostEstimate, estimateCost } from './estimate-cost.js';
export { type BreakEven, explicitCacheBreakEven } from './explicit-cache-break-even.js';
export {
  type CachedPrefix,
  type CachesClient,
  type ContextCacheLease,
  type ExplicitContextCache,
  type ExplicitContextCacheOptions,
  explicitContextCache,
} from './explicit-context-cache.js';
export { type ImplicitCacheFigures, implicitCacheReport } from './implicit-cache-report.js';
export type { LedgerRecord, LedgerSink } from './ledger-record.js';
export { jsonlSink, memorySink, redisSink } from './ledger-sinks.js';
export { type MemoryStore, type MemoryStoreOptions, memoryStore } from './memory-store.js';
export {
  geminiPriceTable,
  type ModelPrices,
  type PriceTable,
  pricesOf,
  type TokenPrices,
} from './price-table.js';
export { priceTableFromRegistry } from './price-table-from-registry.js';
export {
  type LayoutAdvice,
  type PromptLayoutAdvisor,
  type PromptLayoutAdvisorOptions,
  promptLayoutAdvisor,
} from './prompt-layout-advisor.js';
export { type RedisLike, type RedisStoreOptions, redisStore } from './redis-store.js';
export {
  type ResponseCache,
  type ResponseCacheOptions,
  type ResponseCacheStats,
  responseCache,
} from './response-cache.js';
export {
  type SqliteDatabaseLike,
  type SqliteSink,
  type SqliteSinkOptions,
  type SqliteStatementLike,
  sqliteSink,
} from './sqlite-sink.js';
export type { StoredAnswer } from './stored-answer.js';
export {
  summarizeUsage,
  type UsageEntry,
  type UsageGrouping,
  type UsageTotals,
} from './summarize-usage.js';
export { keyIdOf, type UsageLedger, type UsageLedgerOptions, usageLedger } from './usage-ledger.js';
export { usageOfAnswer } from './usage-of-answer.js';
