import type { ModelRegistry } from '@gemgate/core-transport';
import { geminiPriceTable, type ModelPrices, type PriceTable } from './price-table.js';

/** The share of the input price the gateway's guide says cached tokens cost, when the registry gives none. */
const cachedShare = 0.25;

function perMillion(perThousand: number): number {
  return Math.round(perThousand * 1000 * 1e6) / 1e6;
}

/**
 * A price table from the gateway's models API (`loadModelRegistry` in `@gemgate/core-transport`),
 * laid over `base`: each model the registry prices (prices it passed the unit check for) gets
 * the gateway's own input, output and cache-read prices; every other model keeps `base`'s.
 * Load the registry at start-up or from a command, never on a call's hot path; this function
 * only reads it.
 *
 * @example
 * ```ts
 * import { loadModelRegistry } from '@gemgate/core-transport';
 * const registry = await loadModelRegistry({ cacheFile: '.gemgate/models.json' });
 * const priceTable = priceTableFromRegistry({ registry });
 * estimateCost({ usage, model: 'gemini-3.8-flash', priceTable });
 * ```
 */
export function priceTableFromRegistry({
  registry,
  base = geminiPriceTable,
}: {
  registry: ModelRegistry;
  base?: PriceTable | undefined;
}): PriceTable {
  if (!registry.pricesTrusted) return base;
  const models: Record<string, ModelPrices> = { ...base.models };
  for (const entry of registry.entries) {
    const pricing = entry.pricing;
    if (pricing === undefined) continue;
    const input = perMillion(pricing.input);
    models[entry.id] = {
      // Tiers and storage the registry does not give are kept from the table it refines.
      ...base.models[entry.id],
      input,
      output: perMillion(pricing.output),
      cachedInput:
        pricing.cacheRead === undefined
          ? Math.round(input * cachedShare * 1e6) / 1e6
          : perMillion(pricing.cacheRead),
    };
  }
  return {
    version: `${base.version}+models-api-${registry.fetchedAt.slice(0, 10)}`,
    date: registry.fetchedAt.slice(0, 10),
    source: `the gateway's models API (GET /api/v1/models, fetched ${registry.fetchedAt}), over ${base.source}`,
    models,
  };
}
