import type { Usage } from '@gemgate/core-transport';
import {
  geminiPriceTable,
  type ModelPrices,
  type PriceTable,
  pricesOf,
  type TokenPrices,
} from './price-table.js';

/** What one call cost, part by part. */
export interface CostEstimate {
  /** The total in US dollars; `undefined` when the model is not in the table (never a silent zero). */
  usd: number | undefined;
  /** Each part in US dollars (all zero when the model is unknown). */
  breakdown: { input: number; cachedInput: number; toolUseInput: number; output: number };
  /** The table the prices came from. */
  priceTable: { version: string; date: string };
  /** Why `usd` is `undefined`, when it is. */
  warning?: string | undefined;
}

/**
 * The cost of one call from its neutral `Usage`: fresh input at the input price, cached input
 * at the cached price (the discount is data in the table, not code), tool-use input at the input
 * price, output (thinking included) at the output price. A prompt larger than a tier's
 * `abovePromptTokens` is billed entirely at that tier. An unknown model gives `usd: undefined`
 * and a warning, never zero.
 *
 * @example
 * ```ts
 * import { estimateCost } from '@gemgate/usage-cache';
 * const cost = estimateCost({
 *   model: 'gemini-2.5-flash',
 *   usage: { inputTokens: 1000, cachedInputTokens: 800, outputTokens: 100, reasoningTokens: 40, toolUseInputTokens: 0, totalTokens: 1100 },
 * });
 * cost.usd; // (200 × 0.30 + 800 × 0.075 + 100 × 2.50) / 1e6 = 0.00037
 * ```
 */
export function estimateCost({
  usage,
  model,
  priceTable = geminiPriceTable,
}: {
  usage: Usage;
  model: string | undefined;
  priceTable?: PriceTable | undefined;
}): CostEstimate {
  const table = { version: priceTable.version, date: priceTable.date };
  const modelPrices = model === undefined ? undefined : pricesOf({ model, priceTable });
  if (!modelPrices) {
    return {
      usd: undefined,
      breakdown: { input: 0, cachedInput: 0, toolUseInput: 0, output: 0 },
      priceTable: table,
      warning: `No price for model ${model === undefined ? '(none)' : `"${model}"`} in price table ${priceTable.version}; pass a priceTable that lists it.`,
    };
  }
  const breakdown = costBreakdown({ usage, prices: modelPrices });
  return { usd: totalOf(breakdown), breakdown, priceTable: table };
}

/** `estimateCost`'s parts for a model whose prices are known. */
function costBreakdown({ usage, prices }: { usage: Usage; prices: ModelPrices }): CostEstimate['breakdown'] {
  const band = bandOf({ prices, promptTokens: usage.inputTokens });
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  return {
    input: ((usage.inputTokens - cached) * band.input) / 1e6,
    cachedInput: (cached * band.cachedInput) / 1e6,
    toolUseInput: (usage.toolUseInputTokens * band.input) / 1e6,
    output: (usage.outputTokens * band.output) / 1e6,
  };
}

/** `estimateCost(...).usd` for a model whose prices are known (the ledger prices every call). */
export function costUsd({ usage, prices }: { usage: Usage; prices: ModelPrices }): number {
  return totalOf(costBreakdown({ usage, prices }));
}

function totalOf(breakdown: CostEstimate['breakdown']): number {
  return breakdown.input + breakdown.cachedInput + breakdown.toolUseInput + breakdown.output;
}

function bandOf({ prices, promptTokens }: { prices: ModelPrices; promptTokens: number }): TokenPrices {
  let band: TokenPrices = prices;
  const tiers = prices.tiers;
  if (tiers === undefined) return band;
  let threshold = -1;
  for (const tier of tiers) {
    if (promptTokens > tier.abovePromptTokens && tier.abovePromptTokens > threshold) {
      band = tier;
      threshold = tier.abovePromptTokens;
    }
  }
  return band;
}
