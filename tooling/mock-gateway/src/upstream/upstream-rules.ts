/**
 * The upstream's rules as the mock enforces them, written down here from Google's documentation
 * and the gateway's guide, on purpose NOT imported from `@gemgate/core-transport`: the mock is
 * the double every client test stands on, so a wrong fact in core's catalog must show up as a
 * disagreement (`test/upstream-rules-match-core.test.ts`), not pass because both sides share it.
 *
 * Sources, cited beside each value:
 * - [thinking]  https://ai.google.dev/gemini-api/docs/thinking (budget table: default, range,
 *   how to disable, dynamic -1; `thinkingLevel` for Gemini 3, and "You cannot disable thinking
 *   for Gemini 3 Pro. Gemini 2.5 series models don't support thinkingLevel")
 * - [gemini-3]  https://ai.google.dev/gemini-api/docs/gemini-3 (levels per model; 3 Pro low/high,
 *   3 Flash minimal/low/medium/high; `minimal` does not guarantee thinking is off)
 * - [openai]    https://ai.google.dev/gemini-api/docs/openai ("low", "medium", "high" map to
 *   1K, 8K and 24K thinking budgets; "none" disables thinking; Gemini 3 maps efforts to levels)
 * - [caching]   https://ai.google.dev/gemini-api/docs/caching (implicit caching on for 2.5 and
 *   newer; minimum input tokens per model)
 * - [thinking-levels] https://ai.google.dev/gemini-api/docs/thinking, the levels table as of late
 *   2026: 3.1 Pro low/medium/high; 3.7 and 3.8 Flash low/medium (default)/high, `minimal` a 400
 * - [gemini-4]  https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/start/get-started-with-gemini-4
 *   (levels only, `xhigh` above high; no thinking budget; implicit caching only; one 1,048,576
 *   token limit for input and output together)
 * - [seed]      /work/shared/seed/aihubmix-gemini.txt, the gateway's guide (2.5 Pro: "Thinking
 *   cannot be disabled, and thinking_budget should not be explicitly set"; 2.5 Flash 0..16K,
 *   default 1024)
 */

/** How one family thinks, as the upstream answers it. */
export interface UpstreamThinking {
  /** Whether the family thinks at all; when not, any thinking setting but budget 0 is a 400. */
  thinks: boolean;
  /** Whether `thinkingBudget: 0` is accepted (thinking off). */
  budgetZeroAllowed: boolean;
  /** Whether `thinkingBudget: -1` (dynamic) is accepted. */
  dynamicAllowed: boolean;
  /**
   * The positive budgets accepted, both ends included; `undefined` where Google documents no
   * range (Gemini 3 takes budgets only "for backwards compatibility"), so the mock accepts any.
   */
  budgetRange: { min: number; max: number } | undefined;
  /** Whether the family thinks when the request says nothing about thinking. */
  thinksByDefault: boolean;
  /** `thinkingLevel` values accepted (lower case); empty: the family takes no level. */
  levels: readonly string[];
  /** Whether any `thinkingBudget` is accepted; `false`: levels only (Gemini 4). */
  budgetAccepted: boolean;
  /** `reasoning_effort` values the OpenAI route accepts. */
  reasoningEfforts: readonly string[];
}

/** One model family of the upstream. */
export interface UpstreamFamily {
  family: string;
  /** Matches a bare model id (no `models/` prefix, no gateway suffix). */
  pattern: RegExp;
  kind: 'generate' | 'embed';
  thinking: UpstreamThinking;
  /** Smallest prompt implicit caching reports; `Infinity`: the family has no implicit caching. */
  implicitCacheMinTokens: number;
  inputTokenLimit: number;
  outputTokenLimit: number;
}

const noThinking: UpstreamThinking = {
  thinks: false,
  budgetZeroAllowed: true,
  dynamicAllowed: false,
  budgetRange: undefined,
  thinksByDefault: false,
  levels: [],
  budgetAccepted: true,
  reasoningEfforts: ['none'],
};

/** The families the mock knows, most specific pattern first. */
export const upstreamFamilies: readonly UpstreamFamily[] = [
  {
    family: 'gemini-4',
    pattern: /^gemini-4(\.\d+)?-/,
    kind: 'generate',
    thinking: {
      thinks: true,
      budgetZeroAllowed: false,
      dynamicAllowed: false,
      budgetRange: undefined,
      thinksByDefault: true,
      // [gemini-4] levels only, with xhigh above high.
      levels: ['low', 'medium', 'high', 'xhigh'],
      // [gemini-4] "thinking_budget is not supported".
      budgetAccepted: false,
      reasoningEfforts: ['low', 'medium', 'high', 'xhigh'],
    },
    // [gemini-4] implicit caching only; no minimum is stated, the 3.x figure is assumed.
    implicitCacheMinTokens: 4096,
    // [gemini-4] one 1,048,576-token limit for input and output together.
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 1_048_576,
  },
  {
    family: 'gemini-3.7-flash',
    pattern: /^gemini-3\.[78]-flash(?!-lite)/,
    kind: 'generate',
    thinking: {
      thinks: true,
      budgetZeroAllowed: false,
      dynamicAllowed: true,
      budgetRange: undefined,
      thinksByDefault: true,
      // [thinking-levels] low, medium (default), high; minimal is a 400.
      levels: ['low', 'medium', 'high'],
      budgetAccepted: true,
      reasoningEfforts: ['low', 'medium', 'high'],
    },
    // [caching] not listed; the 3.x Flash value is assumed.
    implicitCacheMinTokens: 4096,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
  },
  {
    family: 'gemini-3.1-pro',
    pattern: /^gemini-3\.\d+-pro/,
    kind: 'generate',
    thinking: {
      thinks: true,
      budgetZeroAllowed: false,
      dynamicAllowed: true,
      budgetRange: undefined,
      thinksByDefault: true,
      // [thinking-levels] 3.1 Pro: low, medium, high (minimal not supported).
      levels: ['low', 'medium', 'high'],
      budgetAccepted: true,
      reasoningEfforts: ['low', 'medium', 'high'],
    },
    // [caching] Gemini 3.x Pro: 4,096.
    implicitCacheMinTokens: 4096,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
  },
  {
    family: 'gemini-3-pro',
    pattern: /^gemini-3-pro/,
    kind: 'generate',
    thinking: {
      thinks: true,
      // [thinking] "You cannot disable thinking for Gemini 3 Pro."
      budgetZeroAllowed: false,
      dynamicAllowed: true,
      // [thinking] budgets are accepted on Gemini 3 for backwards compatibility; no range is given.
      budgetRange: undefined,
      // [gemini-3] default level is "high" (dynamic).
      thinksByDefault: true,
      // [gemini-3] Gemini 3 Pro: low, high.
      levels: ['low', 'high'],
      budgetAccepted: true,
      // [openai] Gemini 3: minimal/low map to level low, medium/high to high; "none" cannot turn it off.
      reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    },
    // [caching] Gemini 3.x Pro: 4,096 (the page dated 2026-10-13; an earlier one said the same).
    implicitCacheMinTokens: 4096,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
  },
  {
    family: 'gemini-3-flash',
    pattern: /^gemini-3(\.\d+)?-flash/,
    kind: 'generate',
    thinking: {
      thinks: true,
      // [gemini-3] "minimal" does not guarantee that thinking is off: there is no way to turn it off.
      budgetZeroAllowed: false,
      dynamicAllowed: true,
      // [thinking] budgets are accepted on Gemini 3 for backwards compatibility; no range is given.
      budgetRange: undefined,
      thinksByDefault: true,
      // [gemini-3] Gemini 3 Flash: minimal, low, medium, high.
      levels: ['minimal', 'low', 'medium', 'high'],
      budgetAccepted: true,
      // [openai] each effort maps to the level of the same name.
      reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    },
    // [caching] Gemini 3.x Flash: 4,096 on the page dated 2026-10-13 (1,024 on the 2026-05 one).
    implicitCacheMinTokens: 4096,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
  },
  {
    family: 'gemini-2.5-pro',
    pattern: /^gemini-2\.5-pro/,
    kind: 'generate',
    thinking: {
      thinks: true,
      // [thinking] 2.5 Pro: "Cannot disable thinking"; [seed] "Thinking cannot be disabled".
      budgetZeroAllowed: false,
      // [thinking] 2.5 Pro: dynamic thinking with -1 (its default).
      dynamicAllowed: true,
      // [thinking] 2.5 Pro: 128 to 32768.
      budgetRange: { min: 128, max: 32_768 },
      thinksByDefault: true,
      // [thinking] "Gemini 2.5 series models don't support thinkingLevel".
      levels: [],
      budgetAccepted: true,
      // [openai] "none" would be budget 0, which 2.5 Pro refuses; minimal maps to 1,024.
      reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    },
    // [caching] 2.5 Pro: 2,048 on the page dated 2026-10-13 (4,096 on the 2026-05 one).
    implicitCacheMinTokens: 2048,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
  },
  {
    family: 'gemini-2.5-flash-lite',
    pattern: /^gemini-2\.5-flash-lite/,
    kind: 'generate',
    thinking: {
      thinks: true,
      // [thinking] 2.5 Flash-Lite: thinkingBudget = 0 disables.
      budgetZeroAllowed: true,
      dynamicAllowed: true,
      // [thinking] 2.5 Flash-Lite: 512 to 24576.
      budgetRange: { min: 512, max: 24_576 },
      // [thinking] 2.5 Flash-Lite: "Model does not think" by default.
      thinksByDefault: false,
      levels: [],
      budgetAccepted: true,
      reasoningEfforts: ['none', 'minimal', 'low', 'medium', 'high'],
    },
    // [caching] not listed; the 2.5 Flash value (2,048) is assumed.
    implicitCacheMinTokens: 2048,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
  },
  {
    family: 'gemini-2.5-flash',
    pattern: /^gemini-2\.5-flash/,
    kind: 'generate',
    thinking: {
      thinks: true,
      // [thinking] 2.5 Flash: thinkingBudget = 0 disables.
      budgetZeroAllowed: true,
      dynamicAllowed: true,
      // [thinking] 2.5 Flash: 0 to 24576 ([seed] advises 0..16K; the upstream accepts the rest).
      budgetRange: { min: 1, max: 24_576 },
      // [thinking] default: dynamic; [seed] default budget 1024. Either way it thinks.
      thinksByDefault: true,
      levels: [],
      budgetAccepted: true,
      reasoningEfforts: ['none', 'minimal', 'low', 'medium', 'high'],
    },
    // [caching] 2.5 Flash: 2,048 on the page dated 2026-10-13 (1,024 on the 2026-05 one).
    implicitCacheMinTokens: 2048,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
  },
  {
    family: 'gemini-2.0-flash-lite',
    pattern: /^gemini-2\.0-flash-lite/,
    kind: 'generate',
    thinking: noThinking,
    // [caching] implicit caching is on "for all Gemini 2.5 and newer models" only.
    implicitCacheMinTokens: Number.POSITIVE_INFINITY,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 8_192,
  },
  {
    family: 'gemini-2.0-flash',
    pattern: /^gemini-2\.0-flash/,
    kind: 'generate',
    thinking: noThinking,
    // [caching] implicit caching is on "for all Gemini 2.5 and newer models" only.
    implicitCacheMinTokens: Number.POSITIVE_INFINITY,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 8_192,
  },
  {
    family: 'gemini-embedding',
    pattern: /^(gemini-embedding|text-embedding-004|embedding-001)/,
    kind: 'embed',
    thinking: noThinking,
    implicitCacheMinTokens: Number.POSITIVE_INFINITY,
    inputTokenLimit: 2_048,
    outputTokenLimit: 0,
  },
];

/**
 * [openai] `reasoning_effort` → `thinking_budget` on budget-based (2.5) models: "low", "medium"
 * and "high" map to 1K, 8K and 24K; "none" disables thinking. `minimal` is given 1,024 as `low`
 * (the page's later table; not re-checked against a stored copy).
 */
export const upstreamReasoningEffortBudgets: Readonly<Record<string, number>> = {
  none: 0,
  minimal: 1024,
  low: 1024,
  medium: 8192,
  high: 24_576,
};

/** A model id resolved against the mock's table. */
export interface UpstreamModel extends UpstreamFamily {
  /** The id without the gateway's suffix. */
  baseId: string;
  /** The gateway's OpenAI-route-only suffix: `-nothink` turns thinking off, `-search` grounds. */
  variant: 'nothink' | 'search' | undefined;
}

const variantSuffix = /-(nothink|search)$/;

/**
 * The gateway's suffix of an id, known family or not.
 *
 * @example
 * ```ts
 * gatewayVariantOf('gemini-2.5-flash-search'); // 'search'
 * ```
 */
export function gatewayVariantOf(model: string): 'nothink' | 'search' | undefined {
  const match = variantSuffix.exec(model);
  return match ? (match[1] as 'nothink' | 'search') : undefined;
}

/**
 * Resolves a model id against the mock's own table; `undefined` for a family it does not know
 * (such models are answered, unchecked).
 *
 * @example
 * ```ts
 * upstreamModelOf('gemini-2.5-flash-nothink')?.variant; // 'nothink'
 * ```
 */
export function upstreamModelOf(model: string): UpstreamModel | undefined {
  const id = model.startsWith('models/') ? model.slice('models/'.length) : model;
  const variant = gatewayVariantOf(id);
  const baseId = variant ? id.slice(0, -(variant.length + 1)) : id;
  const family = upstreamFamilies.find((candidate) => candidate.pattern.test(baseId));
  return family ? { ...family, baseId, variant } : undefined;
}
