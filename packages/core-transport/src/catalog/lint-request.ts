import {
  checkThinking,
  lookupModel,
  type ModelInfo,
  type ThinkingLevel,
  type ThinkingRequest,
} from '../model-catalog.js';
import { retiredModelOf } from './retired-models.js';

/**
 * The settings of one generation the linter reads, in the native vocabulary. Each client maps
 * its own request onto it (the OpenAI route's `max_tokens` is `maxOutputTokens`, and so on).
 */
export interface LintableRequest {
  thinking?: ThinkingRequest | undefined;
  temperature?: number | null | undefined;
  topP?: number | null | undefined;
  topK?: number | null | undefined;
  /** How many candidates are asked for (`n` on the OpenAI route). */
  candidateCount?: number | null | undefined;
  maxOutputTokens?: number | null | undefined;
  /** An explicit cache's name (`cachedContents/...`). */
  cachedContent?: string | null | undefined;
  /** The role of the last turn sent: `model` (`assistant`) means a prefilled answer. */
  lastTurnRole?: string | undefined;
  /** The request-wide `generationConfig.mediaResolution`. */
  mediaResolution?: string | undefined;
  /** How many parts carry their own `mediaResolution`. */
  partsWithMediaResolution?: number | undefined;
}

/** The setting a lint issue is about. */
export type LintField =
  | 'model'
  | 'thinkingBudget'
  | 'thinkingLevel'
  | 'includeThoughts'
  | 'temperature'
  | 'topP'
  | 'topK'
  | 'candidateCount'
  | 'maxOutputTokens'
  | 'cachedContent'
  | 'contents'
  | 'mediaResolution'
  | 'partMediaResolution';

/** What `{ fix: true }` changes: drop the setting, or send this value instead. */
export type LintAdjustment = { remove: true } | { value: string | number };

/** One finding: an `error` stops the request; a `warning` is logged and the request is sent. */
export interface LintIssue {
  severity: 'error' | 'warning';
  field: LintField;
  /** Names the model and what it accepts. */
  message: string;
  /** Present when the request is to be changed before sending (only with `{ fix: true }`). */
  adjustment?: LintAdjustment | undefined;
}

/** The `lint` option of both clients. */
export interface LintOptions {
  /**
   * Adjust what can be adjusted (a level the model does not take, a budget on a levels-only
   * model, too many output tokens, a request-wide ULTRA_HIGH) and warn, instead of refusing.
   * Default `false`: such requests fail before sending.
   */
  fix?: boolean | undefined;
}

const levelOrder: readonly ThinkingLevel[] = ['minimal', 'low', 'medium', 'high', 'xhigh'];

/** The accepted level nearest to the one asked for, the higher one on a tie (keep the depth asked for). */
function nearestLevel({ level, accepted }: { level: string; accepted: readonly ThinkingLevel[] }) {
  const wanted = levelOrder.indexOf(level as ThinkingLevel);
  if (wanted === -1) return undefined;
  let best: ThinkingLevel | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of accepted) {
    const distance = Math.abs(levelOrder.indexOf(candidate) - wanted);
    if (distance < bestDistance || (distance === bestDistance && levelOrder.indexOf(candidate) > wanted)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function normalizedResolution(value: string): string {
  return value.toUpperCase().replace(/^MEDIA_RESOLUTION_/, '');
}

/**
 * Checks one generation against the catalog's rules for its model, before it is sent: the
 * thinking rules, the Gemini 3+ rules (sampling, candidates, prefill, per-part media
 * resolution), Gemini 4's levels-only thinking and implicit-only caching, token limits, retired
 * ids and the 2.5 deprecation. Unknown models give no issues (they pass through unchecked).
 * With `fix`, a fixable error becomes a warning carrying the `adjustment` to make.
 *
 * @example
 * ```ts
 * import { lintRequest } from '@gemgate/core-transport';
 * lintRequest({ model: 'gemini-3.8-flash', request: { thinking: { thinkingLevel: 'minimal' } }, fix: true });
 * // [{ severity: 'warning', field: 'thinkingLevel', adjustment: { value: 'low' }, message: '...' }]
 * ```
 */
export function lintRequest({
  model,
  request,
  fix = false,
}: {
  model: string;
  request: LintableRequest;
  fix?: boolean | undefined;
}): LintIssue[] {
  const issues: LintIssue[] = [];
  const retired = retiredModelOf({ model });
  if (retired) {
    issues.push({
      severity: 'warning',
      field: 'model',
      message: `${retired.id} is retired: Google answers it with ${retired.servedAs}. It is sent as given; send ${retired.servedAs} to say what you get.`,
    });
  }
  const info = lookupModel(model);
  if (!info) return issues;
  if (info.deprecation) {
    issues.push({ severity: 'warning', field: 'model', message: `${info.id}: ${info.deprecation}` });
  }
  const fixable = (issue: Omit<LintIssue, 'adjustment'>, adjustment: LintAdjustment, done: string) => {
    issues.push(
      fix
        ? {
            ...issue,
            severity: 'warning',
            message: `${issue.message} Adjusted (lint.fix): ${done}.`,
            adjustment,
          }
        : {
            ...issue,
            message: `${issue.message} (Or create the client with lint: { fix: true } to adjust it.)`,
          },
    );
  };
  lintThinking({ info, thinking: request.thinking, issues, fixable });
  lintGeneration3({ info, request, issues, fix });
  lintLimits({ info, request, issues, fixable });
  return issues;
}

type Fixable = (issue: Omit<LintIssue, 'adjustment'>, adjustment: LintAdjustment, done: string) => void;

function lintThinking({
  info,
  thinking,
  issues,
  fixable,
}: {
  info: ModelInfo;
  thinking: ThinkingRequest | undefined;
  issues: LintIssue[];
  fixable: Fixable;
}) {
  if (!thinking) return;
  const rules = info.thinking;
  const { thinkingBudget: budget, thinkingLevel: level } = thinking;
  for (const issue of checkThinking({ model: info.id, thinking })) {
    if (issue.severity === 'warning') {
      issues.push(issue);
    } else if (issue.field === 'thinkingBudget' && rules.budgetAccepted === false && level === undefined) {
      fixable(issue, { remove: true }, `thinkingBudget removed, the model's default level applies`);
    } else if (
      issue.field === 'thinkingBudget' &&
      budget !== undefined &&
      Number.isInteger(budget) &&
      budget > 0 &&
      rules.supported
    ) {
      const value = Math.min(Math.max(budget, rules.minBudget), rules.maxBudget);
      fixable(issue, { value }, `thinkingBudget sent as ${value}`);
    } else if (issue.field === 'thinkingLevel' && budget === undefined && level !== undefined) {
      const value = nearestLevel({ level: level.toLowerCase(), accepted: rules.levels });
      if (value) fixable(issue, { value }, `thinkingLevel sent as ${value}`);
      else issues.push(issue);
    } else {
      issues.push(issue);
    }
  }
}

function lintGeneration3({
  info,
  request,
  issues,
  fix,
}: {
  info: ModelInfo;
  request: LintableRequest;
  issues: LintIssue[];
  fix: boolean;
}) {
  const name = info.id;
  if (info.generation3) {
    // https://ai.google.dev/gemini-api/docs/gemini-3: keep temperature at its default; the
    // reasoning is tuned for it. Google says "not recommended", not "refused": a warning.
    for (const field of ['temperature', 'topP', 'topK'] as const) {
      if (request[field] === undefined || request[field] === null) continue;
      issues.push({
        severity: 'warning',
        field,
        message: `${name} is tuned for its default sampling: Google advises against setting ${field} on Gemini 3 and later.${fix ? ` Adjusted (lint.fix): ${field} removed.` : ''}`,
        adjustment: fix ? { remove: true } : undefined,
      });
    }
    // The stored docs say nothing explicit on several candidates or a prefilled answer for
    // these models (the issue names both): warn rather than refuse.
    if (typeof request.candidateCount === 'number' && request.candidateCount > 1) {
      issues.push({
        severity: 'warning',
        field: 'candidateCount',
        message: `${name} may answer with one candidate only: ${request.candidateCount} were asked for.${fix ? ' Adjusted (lint.fix): candidateCount removed.' : ''}`,
        adjustment: fix ? { remove: true } : undefined,
      });
    }
    if (request.lastTurnRole === 'model' || request.lastTurnRole === 'assistant') {
      issues.push({
        severity: 'warning',
        field: 'contents',
        message: `${name} does not continue a prefilled model turn: end the conversation with a user turn.`,
      });
    }
  } else if ((request.partsWithMediaResolution ?? 0) > 0) {
    // https://ai.google.dev/gemini-api/docs/media-resolution: per-part resolution is a Gemini 3 feature.
    issues.push({
      severity: 'error',
      field: 'partMediaResolution',
      // Worded as @gemgate/media's own check says it, so both read the same.
      message: `${name} takes a media resolution for the whole request only (config.mediaResolution); a part's own mediaResolution needs a Gemini 3 model. Move it to config.mediaResolution, or use a Gemini 3 model such as gemini-3.8-flash.`,
    });
  }
}

function lintLimits({
  info,
  request,
  issues,
  fixable,
}: {
  info: ModelInfo;
  request: LintableRequest;
  issues: LintIssue[];
  fixable: Fixable;
}) {
  const name = info.id;
  if (
    request.mediaResolution !== undefined &&
    normalizedResolution(request.mediaResolution) === 'ULTRA_HIGH'
  ) {
    // https://ai.google.dev/gemini-api/docs/media-resolution: ULTRA_HIGH is set per part only.
    fixable(
      {
        severity: 'error',
        field: 'mediaResolution',
        message: `${name}: ULTRA_HIGH media resolution is accepted per part only, not in generationConfig: set it on the image part, or use LOW, MEDIUM or HIGH here.`,
      },
      { remove: true },
      'generationConfig.mediaResolution removed',
    );
  }
  const maxOutput = request.maxOutputTokens;
  if (typeof maxOutput === 'number' && maxOutput > info.outputTokenLimit) {
    fixable(
      {
        severity: 'error',
        field: 'maxOutputTokens',
        message: `maxOutputTokens ${maxOutput} is above the ${info.outputTokenLimit} ${name} can write: use at most ${info.outputTokenLimit}.`,
      },
      { value: info.outputTokenLimit },
      `maxOutputTokens sent as ${info.outputTokenLimit}`,
    );
  }
  if (request.cachedContent && info.explicitCaching === false) {
    // https://ai.google.dev/gemini-api/docs/caching with the Gemini 4 guide: implicit caching
    // only. Not adjustable: dropping the cache would drop the context it holds.
    issues.push({
      severity: 'error',
      field: 'cachedContent',
      message: `${name} does not take explicit caches (cachedContent): send the contents themselves; Gemini 4 caches repeated prefixes implicitly.`,
    });
  }
}
