import { geminiPriceTable, type PriceTable, pricesOf } from './price-table.js';

/** Whether an explicit cache pays for itself. */
export interface BreakEven {
  /** Storage for the whole TTL, US dollars (`undefined`: the model or its storage price is unknown). */
  storageUsd: number | undefined;
  /** What each call that reads the cache saves against sending the prefix fresh, US dollars. */
  savingPerCallUsd: number | undefined;
  /** Calls within the TTL needed before the cache has paid for its storage. */
  breakEvenCalls: number | undefined;
}

/**
 * The break-even of an explicit cache: storage (tokens × storage price per hour × hours)
 * against the saving per call (tokens × (input price − cached price)). Unknown prices give
 * `undefined`, never zero.
 *
 * @example
 * ```ts
 * import { explicitCacheBreakEven } from '@gemgate/usage-cache';
 * explicitCacheBreakEven({ model: 'gemini-2.5-flash', cachedTokens: 100_000, ttlSeconds: 3600 });
 * // storage $0.10 an hour against $0.0225 saved per call: 5 calls
 * ```
 */
export function explicitCacheBreakEven({
  model,
  cachedTokens,
  ttlSeconds,
  priceTable = geminiPriceTable,
}: {
  model: string;
  cachedTokens: number;
  ttlSeconds: number;
  priceTable?: PriceTable | undefined;
}): BreakEven {
  const prices = pricesOf({ model, priceTable });
  if (!prices || prices.storagePerHour === undefined) {
    return { storageUsd: undefined, savingPerCallUsd: undefined, breakEvenCalls: undefined };
  }
  const storageUsd = (cachedTokens * prices.storagePerHour * (ttlSeconds / 3600)) / 1e6;
  const savingPerCallUsd = (cachedTokens * (prices.input - prices.cachedInput)) / 1e6;
  const breakEvenCalls = savingPerCallUsd > 0 ? Math.ceil(storageUsd / savingPerCallUsd) : undefined;
  return { storageUsd, savingPerCallUsd, breakEvenCalls };
}
