import { geminiPriceTable, type PriceTable, pricesOf } from './price-table.js';
import type { UsageEntry } from './summarize-usage.js';

/** Implicit-cache figures of one model. */
export interface ImplicitCacheFigures {
  calls: number;
  /** Calls whose usage reports cached input tokens. */
  callsWithCachedTokens: number;
  /** `callsWithCachedTokens / calls`. */
  hitRate: number;
  inputTokens: number;
  cachedTokens: number;
  /** What the cached tokens saved against the full input price, US dollars (`undefined`: model not priced). */
  savingsUsd: number | undefined;
}

/**
 * How often the gateway's implicit cache hit, per model: calls, calls with cached tokens, hit
 * rate, cached tokens and the savings (cached tokens × (input price − cached price)). Reads
 * ledger records (or any `UsageEntry`); answers from `responseCache` (no usage billed) do not count.
 *
 * @example
 * ```ts
 * import { implicitCacheReport } from '@gemgate/usage-cache';
 * const report = implicitCacheReport({ entries: await ledger.records() });
 * report['gemini-2.5-flash']?.hitRate;
 * ```
 */
export function implicitCacheReport({
  entries,
  priceTable = geminiPriceTable,
}: {
  entries: Iterable<UsageEntry>;
  priceTable?: PriceTable | undefined;
}): Record<string, ImplicitCacheFigures> {
  const report: Record<string, ImplicitCacheFigures> = {};
  for (const entry of entries) {
    if (!entry.usage || entry.usage.inputTokens === 0) continue;
    const model = entry.model ?? 'unknown';
    let figures = report[model];
    if (!figures) {
      figures = {
        calls: 0,
        callsWithCachedTokens: 0,
        hitRate: 0,
        inputTokens: 0,
        cachedTokens: 0,
        savingsUsd: 0,
      };
      report[model] = figures;
    }
    figures.calls += 1;
    figures.inputTokens += entry.usage.inputTokens;
    figures.cachedTokens += entry.usage.cachedInputTokens;
    if (entry.usage.cachedInputTokens > 0) figures.callsWithCachedTokens += 1;
    figures.hitRate = figures.callsWithCachedTokens / figures.calls;
  }
  for (const [model, figures] of Object.entries(report)) {
    const prices = pricesOf({ model, priceTable });
    figures.savingsUsd = prices
      ? (figures.cachedTokens * (prices.input - prices.cachedInput)) / 1e6
      : undefined;
  }
  return report;
}
