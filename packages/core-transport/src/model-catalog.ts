/**
 * What gemgate knows about Gemini model families: thinking rules, the gateway's
 * `-nothink` / `-search` ids, token limits and capabilities.
 *
 * Unknown models pass through unchecked: the gateway adds models faster than we release,
 * so `lookupModel` answers `undefined` and callers send the request as it is.
 */

/** A gateway route. */
export type Route = 'native' | 'openai';

/** An OpenAI-route `reasoning_effort` value. */
export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

/** A Gemini 3+ `thinkingLevel` value (`xhigh` on Gemini 4 only). */
export type ThinkingLevel = 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

/** How a family thinks, and what it accepts to change that. */
export interface ThinkingRules {
  /** Whether the family thinks at all. */
  supported: boolean;
  /** Whether a budget of 0 (or `-nothink`) turns thinking off. */
  canDisable: boolean;
  /** Smallest positive budget accepted. */
  minBudget: number;
  /** Largest budget the upstream accepts. */
  maxBudget: number;
  /**
   * Largest budget the gateway documents, when lower than `maxBudget` (2.5 Flash: 16K, while
   * Google accepts 24,576). A budget above it is sent, with a warning.
   */
  advisedMaxBudget?: number | undefined;
  /** Budget used when none is sent; `-1` means dynamic. */
  defaultBudget: number;
  /** Whether `-1` (dynamic thinking) is accepted. */
  dynamicAllowed: boolean;
  /** The gateway's guidance: do not set a budget explicitly (2.5 Pro). */
  budgetDiscouraged: boolean;
  /** `thinkingLevel` values accepted (Gemini 3); empty when the family takes budgets only. */
  levels: readonly ThinkingLevel[];
  /** Whether `thinkingBudget` is accepted at all (Gemini 4 takes levels only). Default `true`. */
  budgetAccepted?: boolean | undefined;
  /** The level used when none is sent, where Google documents one. */
  defaultLevel?: ThinkingLevel | undefined;
  /** `reasoning_effort` values accepted on the OpenAI route. */
  reasoningEfforts: readonly ReasoningEffort[];
}

/** One known model family. */
export interface ModelFamily {
  /** Stable family id, e.g. `gemini-2.5-flash`. */
  family: string;
  /** Matches a bare model id (after `models/` and the gateway suffixes are removed). */
  pattern: RegExp;
  kind: 'generate' | 'embed';
  thinking: ThinkingRules;
  inputTokenLimit: number;
  outputTokenLimit: number;
  supports: { tools: boolean; codeExecution: boolean; media: boolean; structuredOutput: boolean };
  /**
   * The Gemini 3+ request rules: sampling parameters (`temperature`, `topP`, `topK`) are
   * ignored, one candidate per request, no prefilled model turn, and `mediaResolution` on each
   * part. Absent on older families.
   */
  generation3?: boolean | undefined;
  /** Whether explicit caches (`cachedContent`) are accepted; `false` on Gemini 4 (implicit caching only). Default `true`. */
  explicitCaching?: boolean | undefined;
  /** Why the family is still accepted though Google retired it, said once per client as a warning. */
  deprecation?: string | undefined;
  /** The page of Google's docs the family's rules come from. */
  source?: string | undefined;
}

/** A model id resolved against the catalog. */
export interface ModelInfo extends ModelFamily {
  /** The id as given, without a `models/` prefix. */
  id: string;
  /** The id without the gateway's suffix: what Google calls the model. */
  baseId: string;
  /** The gateway's suffix, if any: `nothink` turns thinking off, `search` adds grounding. */
  variant: 'nothink' | 'search' | undefined;
  /** Routes that serve this id. `-nothink`/`-search` ids exist only on the OpenAI route. */
  routes: readonly Route[];
}

const noThinking: ThinkingRules = {
  supported: false,
  canDisable: true,
  minBudget: 0,
  maxBudget: 0,
  defaultBudget: 0,
  dynamicAllowed: false,
  budgetDiscouraged: false,
  levels: [],
  reasoningEfforts: ['none'],
};

const fullSupport = { tools: true, codeExecution: true, media: true, structuredOutput: true };
const million = 1_048_576;

/** Page addresses cited beside the families (the stored copies the rules were read from). */
const docs = {
  thinking: 'https://ai.google.dev/gemini-api/docs/thinking',
  gemini3: 'https://ai.google.dev/gemini-api/docs/gemini-3',
  gemini35: 'https://ai.google.dev/gemini-api/docs/whats-new-gemini-3.5',
  gemini4:
    'https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/start/get-started-with-gemini-4',
  caching: 'https://ai.google.dev/gemini-api/docs/caching',
  mediaResolution: 'https://ai.google.dev/gemini-api/docs/media-resolution',
} as const;

/** What Google says of the 2.5 family, kept accepted because the gateway still routes the ids. */
const retired25 =
  'Google has retired the Gemini 2.5 models; the gateway still accepts the id, so it is sent as it is. Move to gemini-3.8-flash (or gemini-4-*) when you can.';

/**
 * Budget limits for families where Google documents none (Gemini 3+ take budgets only "for
 * backwards compatibility"): any whole positive number passes, the upstream decides.
 */
const undocumentedBudget = { minBudget: 1, maxBudget: Number.MAX_SAFE_INTEGER } as const;

/** The known families, most specific pattern first. */
export const modelFamilies: readonly ModelFamily[] = [
  {
    // docs.gemini4: Gemini 4 takes `thinkingLevel` only (low/medium/high, plus xhigh above high),
    // no `thinkingBudget`, and implicit caching only. The same page gives one 1,048,576-token
    // limit for input and output together, so both limits are that figure (the upstream
    // enforces the sum; we check each side against it).
    family: 'gemini-4',
    pattern: /^gemini-4(\.\d+)?-/,
    kind: 'generate',
    thinking: {
      supported: true,
      canDisable: false,
      ...undocumentedBudget,
      defaultBudget: -1,
      dynamicAllowed: false,
      budgetDiscouraged: false,
      budgetAccepted: false,
      levels: ['low', 'medium', 'high', 'xhigh'],
      // docs.thinking (OpenAI compatibility): each effort maps to the level of the same name.
      reasoningEfforts: ['low', 'medium', 'high', 'xhigh'],
    },
    inputTokenLimit: million,
    outputTokenLimit: million,
    supports: fullSupport,
    generation3: true,
    explicitCaching: false,
    source: docs.gemini4,
  },
  {
    // docs.thinking (levels table): Gemini 3.7 and 3.8 Flash take low, medium (the default)
    // and high; `minimal` is refused with a 400.
    family: 'gemini-3.7-flash',
    pattern: /^gemini-3\.[78]-flash(?!-lite)/,
    kind: 'generate',
    thinking: {
      supported: true,
      canDisable: false,
      ...undocumentedBudget,
      defaultBudget: -1,
      dynamicAllowed: true,
      budgetDiscouraged: false,
      levels: ['low', 'medium', 'high'],
      defaultLevel: 'medium',
      reasoningEfforts: ['low', 'medium', 'high'],
    },
    // docs.gemini35: the 3.x Flash models keep the 1M context and 65K output.
    inputTokenLimit: million,
    outputTokenLimit: 65_536,
    supports: fullSupport,
    generation3: true,
    source: docs.thinking,
  },
  {
    // docs.thinking: 3.1 Pro takes low, medium and high; `minimal` is not supported.
    family: 'gemini-3.1-pro',
    pattern: /^gemini-3\.\d+-pro/,
    kind: 'generate',
    thinking: {
      supported: true,
      canDisable: false,
      ...undocumentedBudget,
      defaultBudget: -1,
      dynamicAllowed: true,
      budgetDiscouraged: false,
      levels: ['low', 'medium', 'high'],
      defaultLevel: 'high',
      reasoningEfforts: ['low', 'medium', 'high'],
    },
    inputTokenLimit: million,
    outputTokenLimit: 65_536,
    supports: fullSupport,
    generation3: true,
    source: docs.thinking,
  },
  {
    // docs.gemini3: 3 Pro takes low and high.
    family: 'gemini-3-pro',
    pattern: /^gemini-3-pro/,
    kind: 'generate',
    thinking: {
      supported: true,
      canDisable: false,
      minBudget: 128,
      maxBudget: 32_768,
      defaultBudget: -1,
      dynamicAllowed: true,
      budgetDiscouraged: false,
      levels: ['low', 'high'],
      // Google maps `minimal` and `low` to level low, `medium` and `high` to level high.
      reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    },
    inputTokenLimit: million,
    outputTokenLimit: 65_536,
    supports: fullSupport,
    generation3: true,
    source: docs.gemini3,
  },
  {
    // docs.gemini3: 3 Flash takes minimal, low, medium and high. 3.5/3.6 Flash and 3.5
    // Flash-Lite land here too: docs.gemini35 gives them the 3 Flash platform and says nothing
    // narrower about their levels, so the 3 Flash rules (the widest) apply.
    family: 'gemini-3-flash',
    pattern: /^gemini-3(\.\d+)?-flash/,
    kind: 'generate',
    thinking: {
      supported: true,
      canDisable: false,
      minBudget: 1,
      maxBudget: 24_576,
      defaultBudget: -1,
      dynamicAllowed: true,
      budgetDiscouraged: false,
      levels: ['minimal', 'low', 'medium', 'high'],
      reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    },
    inputTokenLimit: million,
    outputTokenLimit: 65_536,
    supports: fullSupport,
    generation3: true,
    source: docs.gemini3,
  },
  {
    family: 'gemini-2.5-pro',
    pattern: /^gemini-2\.5-pro/,
    kind: 'generate',
    thinking: {
      supported: true,
      canDisable: false,
      minBudget: 128,
      maxBudget: 32_768,
      defaultBudget: -1,
      dynamicAllowed: true,
      budgetDiscouraged: true,
      levels: [],
      reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    },
    inputTokenLimit: million,
    outputTokenLimit: 65_536,
    supports: fullSupport,
    deprecation: retired25,
    source: docs.thinking,
  },
  {
    family: 'gemini-2.5-flash-lite',
    pattern: /^gemini-2\.5-flash-lite/,
    kind: 'generate',
    thinking: {
      supported: true,
      canDisable: true,
      minBudget: 512,
      maxBudget: 24_576,
      defaultBudget: 0,
      dynamicAllowed: true,
      budgetDiscouraged: false,
      levels: [],
      reasoningEfforts: ['none', 'minimal', 'low', 'medium', 'high'],
    },
    inputTokenLimit: million,
    outputTokenLimit: 65_536,
    supports: fullSupport,
    deprecation: retired25,
    source: docs.thinking,
  },
  {
    family: 'gemini-2.5-flash',
    pattern: /^gemini-2\.5-flash/,
    kind: 'generate',
    thinking: {
      supported: true,
      canDisable: true,
      minBudget: 1,
      // Google accepts up to 24,576; the gateway documents 0..16K, so above that we warn.
      maxBudget: 24_576,
      advisedMaxBudget: 16_384,
      // The gateway's guide gives 1024 as the default budget.
      defaultBudget: 1024,
      dynamicAllowed: true,
      budgetDiscouraged: false,
      levels: [],
      reasoningEfforts: ['none', 'minimal', 'low', 'medium', 'high'],
    },
    inputTokenLimit: million,
    outputTokenLimit: 65_536,
    supports: fullSupport,
    deprecation: retired25,
    source: docs.thinking,
  },
  {
    family: 'gemini-2.0-flash-lite',
    pattern: /^gemini-2\.0-flash-lite/,
    kind: 'generate',
    thinking: noThinking,
    inputTokenLimit: million,
    outputTokenLimit: 8_192,
    supports: { tools: true, codeExecution: false, media: true, structuredOutput: true },
  },
  {
    family: 'gemini-2.0-flash',
    pattern: /^gemini-2\.0-flash/,
    kind: 'generate',
    thinking: noThinking,
    inputTokenLimit: million,
    outputTokenLimit: 8_192,
    supports: fullSupport,
  },
  {
    family: 'gemini-embedding',
    pattern: /^(gemini-embedding|text-embedding-004|embedding-001)/,
    kind: 'embed',
    thinking: noThinking,
    inputTokenLimit: 2_048,
    outputTokenLimit: 0,
    supports: { tools: false, codeExecution: false, media: false, structuredOutput: false },
  },
];

const variantSuffix = /-(nothink|search)$/;

/**
 * Resolves a model id against the catalog; `undefined` for a model gemgate does not know.
 *
 * @example
 * ```ts
 * import { lookupModel } from '@gemgate/core-transport';
 * const info = lookupModel('gemini-2.5-flash-preview-04-17-nothink');
 * info?.variant; // 'nothink'
 * info?.routes; // ['openai']
 * ```
 */
export function lookupModel(model: string): ModelInfo | undefined {
  // Every call looks its model up, and services call a handful of ids: remember the answers.
  if (lookedUp.has(model)) return lookedUp.get(model);
  const info = findModel(model);
  if (lookedUp.size >= rememberedModels) lookedUp.clear();
  lookedUp.set(model, info === undefined ? undefined : Object.freeze(info));
  return info;
}

/** How many ids `lookupModel` remembers; ids from users could otherwise grow the map without end. */
const rememberedModels = 256;
const lookedUp = new Map<string, ModelInfo | undefined>();

function findModel(model: string): ModelInfo | undefined {
  const id = model.startsWith('models/') ? model.slice('models/'.length) : model;
  const match = variantSuffix.exec(id);
  const variant = match ? (match[1] as 'nothink' | 'search') : undefined;
  const baseId = match ? id.slice(0, match.index) : id;
  const family = modelFamilies.find((candidate) => candidate.pattern.test(baseId));
  if (!family) return undefined;
  return { ...family, id, baseId, variant, routes: variant ? ['openai'] : ['native', 'openai'] };
}

/** Whether an id carries one of the gateway's OpenAI-route-only suffixes, known family or not. */
export function gatewayVariantOf(model: string): 'nothink' | 'search' | undefined {
  const match = variantSuffix.exec(model);
  return match ? (match[1] as 'nothink' | 'search') : undefined;
}

/** The thinking settings of one request, in the native vocabulary. */
export interface ThinkingRequest {
  thinkingBudget?: number | undefined;
  thinkingLevel?: string | undefined;
  includeThoughts?: boolean | undefined;
}

/** One finding of `checkThinking`: an `error` must stop the request, a `warning` may be logged. */
export interface ThinkingIssue {
  severity: 'error' | 'warning';
  /** The field at fault, relative to `thinkingConfig`. */
  field: 'thinkingBudget' | 'thinkingLevel' | 'includeThoughts' | 'model';
  message: string;
}

/**
 * Checks a thinking configuration against the model's family rules, the way the upstream
 * would, so a mistake fails before a round trip. Unknown models give no issues.
 *
 * @example
 * ```ts
 * import { checkThinking } from '@gemgate/core-transport';
 * checkThinking({ model: 'gemini-2.5-pro', thinking: { thinkingBudget: 0 } });
 * // [{ severity: 'error', field: 'thinkingBudget', message: '... cannot turn thinking off ...' }]
 * ```
 */
export function checkThinking({
  model,
  thinking,
}: {
  model: string;
  thinking: ThinkingRequest;
}): ThinkingIssue[] {
  const info = lookupModel(model);
  if (!info) return [];
  const rules = info.thinking;
  const issues: ThinkingIssue[] = [];
  const { thinkingBudget: budget, thinkingLevel: level } = thinking;
  const name = info.id;

  if (budget !== undefined && level !== undefined) {
    issues.push({
      severity: 'error',
      field: 'thinkingLevel',
      message: `Set either thinkingLevel or thinkingBudget, not both: the upstream rejects a request with both (model ${name}).`,
    });
  }
  if (!rules.supported) {
    if ((budget !== undefined && budget !== 0) || level !== undefined || thinking.includeThoughts === true) {
      issues.push({
        severity: 'error',
        field:
          level !== undefined ? 'thinkingLevel' : budget !== undefined ? 'thinkingBudget' : 'includeThoughts',
        message: `${name} does not think: remove thinkingConfig, or use a model that thinks (gemini-3.8-flash, gemini-4-*).`,
      });
    }
    return issues;
  }
  if (budget !== undefined && rules.budgetAccepted === false) {
    issues.push({
      severity: 'error',
      field: 'thinkingBudget',
      message: `${name} does not take thinkingBudget: remove it and set thinkingLevel to one of ${rules.levels.join(', ')} instead.`,
    });
  } else if (budget !== undefined) {
    if (!Number.isInteger(budget)) {
      issues.push({
        severity: 'error',
        field: 'thinkingBudget',
        message: `thinkingBudget must be a whole number, got ${budget}.`,
      });
    } else if (budget === 0 && !rules.canDisable) {
      issues.push({
        severity: 'error',
        field: 'thinkingBudget',
        message: `${name} cannot turn thinking off: remove thinkingBudget (the model then decides), or use a Flash model for budget 0.`,
      });
    } else if (budget === -1 && !rules.dynamicAllowed) {
      issues.push({
        severity: 'error',
        field: 'thinkingBudget',
        message: `${name} does not accept a dynamic budget (-1).`,
      });
    } else if (budget < -1 || (budget > 0 && (budget < rules.minBudget || budget > rules.maxBudget))) {
      issues.push({
        severity: 'error',
        field: 'thinkingBudget',
        message: `thinkingBudget ${budget} is out of range for ${name}: use ${rules.canDisable ? '0 (off), ' : ''}-1 (dynamic) or ${rules.maxBudget === Number.MAX_SAFE_INTEGER ? 'a positive whole number' : `${rules.minBudget}..${rules.maxBudget}`}.`,
      });
    } else if (rules.advisedMaxBudget !== undefined && budget > rules.advisedMaxBudget) {
      issues.push({
        severity: 'warning',
        field: 'thinkingBudget',
        message: `thinkingBudget ${budget} is above the ${rules.advisedMaxBudget} the gateway documents for ${name} (the upstream accepts up to ${rules.maxBudget}); it is sent as it is.`,
      });
    } else if (rules.budgetDiscouraged) {
      issues.push({
        severity: 'warning',
        field: 'thinkingBudget',
        message: `The gateway advises not to set thinkingBudget for ${name}: it always thinks and picks its own budget.`,
      });
    }
  }
  if (level !== undefined && !rules.levels.includes(level as ThinkingLevel)) {
    issues.push({
      severity: 'error',
      field: 'thinkingLevel',
      message:
        rules.levels.length === 0
          ? `${name} does not take thinkingLevel: use thinkingBudget instead.`
          : `thinkingLevel "${level}" is not accepted by ${name}: use one of ${rules.levels.join(', ')}.`,
    });
  }
  return issues;
}

/** Google's mapping of `reasoning_effort` to a thinking budget on budget-based families. */
export const reasoningEffortBudgets: Readonly<Record<ReasoningEffort, number>> = {
  none: 0,
  // Google's OpenAI-compatibility table maps `minimal` to 1,024 on budget-based (2.5) models.
  minimal: 1024,
  low: 1024,
  medium: 8192,
  high: 24_576,
  // No budget family takes `xhigh` (Gemini 4 only, levels only); the largest 2.5 Flash budget stands in.
  xhigh: 24_576,
};
