/** Prices of one band of prompt sizes, in US dollars per million tokens. */
export interface TokenPrices {
  /** Input tokens read fresh (not from a cache); tool-use input is billed at this price too. */
  input: number;
  /** Output tokens, thinking included (Google bills thinking as output). */
  output: number;
  /** Input tokens read from a cache (implicit or explicit). */
  cachedInput: number;
}

/** The prices of one model family. */
export interface ModelPrices extends TokenPrices {
  /** Higher prices that apply to the whole call when its prompt is larger than `abovePromptTokens`. */
  tiers?: ReadonlyArray<TokenPrices & { abovePromptTokens: number }> | undefined;
  /** Explicit context-cache storage, US dollars per million tokens per hour. */
  storagePerHour?: number | undefined;
}

/** Prices per model family, with where and when they were read. */
export interface PriceTable {
  /** Bumped whenever a price changes, so a stored cost says which table made it. */
  version: string;
  /** The day the prices were read (YYYY-MM-DD). */
  date: string;
  /** Where they were read. */
  source: string;
  /**
   * Prices by model id prefix; the longest prefix that starts a model id wins, so
   * `gemini-2.5-flash-lite` is not priced as `gemini-2.5-flash`.
   */
  models: Readonly<Record<string, ModelPrices>>;
}

/** The share of the input price the gateway's guide says cached tokens cost. */
const cachedShare = 0.25;

function prices({
  input,
  output,
  storagePerHour,
  tiers,
}: {
  input: number;
  output: number;
  storagePerHour?: number;
  tiers?: Array<{ abovePromptTokens: number; input: number; output: number }>;
}): ModelPrices {
  return {
    input,
    output,
    cachedInput: round(input * cachedShare),
    ...(storagePerHour === undefined ? {} : { storagePerHour }),
    ...(tiers
      ? { tiers: tiers.map((tier) => ({ ...tier, cachedInput: round(tier.input * cachedShare) })) }
      : {}),
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Gemini prices, standard paid tier, text input, US dollars per million tokens.
 *
 * Sources: Google's Gemini API pricing page (https://ai.google.dev/gemini-api/docs/pricing),
 * figures as it listed them in March 2026, read through secondary copies of that page
 * (deploybase.ai "Gemini API Pricing 2026", morphllm.com "Gemini API pricing") on 2026-12-03;
 * check them against Google's page before relying on them. The cached-input price is the
 * gateway guide's rule ("cache tokens are billed at 25% of the standard input price"), not
 * Google's own cached price (which is lower for 2.5 models and later): AiHubMix bills the
 * call, and its guide is what it states. Pass your own table to `estimateCost` to change any
 * of it. Storage per hour: Google's page (2.5 Pro $4.50, Flash models $1.00).
 *
 * @example
 * ```ts
 * import { geminiPriceTable } from '@gemgate/usage-cache';
 * geminiPriceTable.models['gemini-2.5-pro']?.tiers?.[0]?.abovePromptTokens; // 200_000
 * ```
 */
export const geminiPriceTable: PriceTable = {
  version: '2026.12.03-1',
  date: '2026-12-03',
  source:
    'Google Gemini API pricing page (ai.google.dev/gemini-api/docs/pricing) as listed in March 2026; cached input at 25% of input per the AiHubMix guide',
  models: {
    'gemini-3-pro': prices({
      input: 2,
      output: 12,
      storagePerHour: 4.5,
      tiers: [{ abovePromptTokens: 200_000, input: 4, output: 18 }],
    }),
    'gemini-3-flash': prices({ input: 0.5, output: 3, storagePerHour: 1 }),
    'gemini-2.5-pro': prices({
      input: 1.25,
      output: 10,
      storagePerHour: 4.5,
      tiers: [{ abovePromptTokens: 200_000, input: 2.5, output: 15 }],
    }),
    'gemini-2.5-flash': prices({ input: 0.3, output: 2.5, storagePerHour: 1 }),
    'gemini-2.5-flash-lite': prices({ input: 0.1, output: 0.4, storagePerHour: 1 }),
    'gemini-2.0-flash': prices({ input: 0.1, output: 0.4, storagePerHour: 1 }),
    'gemini-2.0-flash-lite': prices({ input: 0.075, output: 0.3 }),
  },
};

/**
 * The prices of a model by the longest matching id prefix, after dropping a `models/` prefix
 * and the gateway's `-nothink` / `-search` suffixes (same model, same price); `undefined` when
 * the table does not know it.
 *
 * @example
 * ```ts
 * import { geminiPriceTable, pricesOf } from '@gemgate/usage-cache';
 * pricesOf({ model: 'gemini-2.5-flash-preview-05-20', priceTable: geminiPriceTable })?.input; // 0.3
 * ```
 */
export function pricesOf({
  model,
  priceTable,
}: {
  model: string;
  priceTable: PriceTable;
}): ModelPrices | undefined {
  const id = model.replace(/^models\//, '').replace(/-(nothink|search)$/, '');
  let best: string | undefined;
  for (const prefix of Object.keys(priceTable.models)) {
    if (id.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  return best === undefined ? undefined : priceTable.models[best];
}
