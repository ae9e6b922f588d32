import type { Logger, Middleware, TransportRequest } from '@gemgate/core-transport';

/** One piece of advice from `promptLayoutAdvisor`. */
export interface LayoutAdvice {
  model: string | undefined;
  /** Estimated tokens of the block that repeats at the end of the prompt. */
  repeatedTokens: number;
  /** Estimated tokens that implicit caching could reuse per call once the block comes first. */
  tokensSavedPerCall: number;
  message: string;
}

/** What `promptLayoutAdvisor` takes. */
export interface PromptLayoutAdvisorOptions {
  /**
   * The smallest repeated block worth advice, in tokens. Default 1024: below the implicit
   * cache's minimum prefix (2,048 tokens on 2.5 models) moving it gains little.
   */
  minRepeatedTokens?: number | undefined;
  /** Gets the advice, once. Default `console`. */
  logger?: Pick<Logger, 'warn'> | undefined;
}

/** The advisor middleware, with the advice it gave. */
export interface PromptLayoutAdvisor extends Middleware {
  advice(): LayoutAdvice[];
}

/** The mock's and a common rule of thumb: four characters per token. */
const charactersPerToken = 4;

/**
 * Watches the prompts of calls to the same model and notices a long block that repeats at the
 * END of the prompt after content that changes: the layout implicit caching cannot reuse, since
 * it matches prefixes. The gateway's guide says to put repeated context first and the user's
 * input last. It says so once (per advisor), with the tokens a call would save. It reads
 * requests only; nothing is changed or delayed.
 *
 * @example
 * ```ts
 * import { createGemini } from '@gemgate/native-gemini';
 * import { promptLayoutAdvisor } from '@gemgate/usage-cache';
 * const advisor = promptLayoutAdvisor();
 * const gemini = createGemini({ middleware: [advisor] });
 * // after a few calls: advisor.advice()
 * ```
 */
export function promptLayoutAdvisor({
  minRepeatedTokens = 1024,
  logger = console,
}: PromptLayoutAdvisorOptions = {}): PromptLayoutAdvisor {
  const lastPrompt = new Map<string, string>();
  const given: LayoutAdvice[] = [];
  const middleware: Middleware = (request, next) => {
    if (given.length === 0) observe(request);
    return next(request);
  };
  const observe = (request: TransportRequest): void => {
    const prompt = promptTextOf(request.body);
    if (prompt === undefined) return;
    const model = request.context?.model;
    const modelKey = model ?? request.path;
    const previous = lastPrompt.get(modelKey);
    // Only the last prompt per model is kept, so memory stays bounded by the number of models.
    lastPrompt.set(modelKey, prompt);
    if (previous === undefined || previous === prompt) return;
    const prefix = commonPrefixLength(previous, prompt);
    const suffix = commonSuffixLength(previous, prompt, prefix);
    const repeatedTokens = Math.floor(suffix / charactersPerToken);
    const prefixTokens = Math.floor(prefix / charactersPerToken);
    if (repeatedTokens < minRepeatedTokens || prefixTokens >= repeatedTokens) return;
    const advice: LayoutAdvice = {
      model,
      repeatedTokens,
      tokensSavedPerCall: repeatedTokens - prefixTokens,
      message:
        `gemgate: a block of about ${repeatedTokens} tokens repeats at the end of your ${model ?? ''} prompts, ` +
        'after content that changes. Put repeated context first and the user input last: implicit caching ' +
        `reuses prefixes only, so about ${repeatedTokens - prefixTokens} input tokens per call could be billed at the cached price.`,
    };
    given.push(advice);
    logger.warn(advice.message, { model, repeatedTokens });
  };
  return Object.assign(middleware, { advice: () => [...given] });
}

/** The prompt's text in order: native `systemInstruction` and `contents`, or OpenAI `messages`. */
function promptTextOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const pieces: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') pieces.push(value);
    else if (Array.isArray(value)) for (const item of value) walk(item);
    else if (typeof value === 'object' && value !== null) {
      const item = value as Record<string, unknown>;
      if (typeof item.text === 'string') pieces.push(item.text);
      else if (item.parts !== undefined) walk(item.parts);
      else if (item.content !== undefined) walk(item.content);
    }
  };
  if (record.messages !== undefined) walk(record.messages);
  else if (record.contents !== undefined) {
    walk(record.systemInstruction);
    walk(record.contents);
  } else return undefined;
  return pieces.join('\n');
}

function commonPrefixLength(left: string, right: string): number {
  const limit = Math.min(left.length, right.length);
  let index = 0;
  while (index < limit && left.charCodeAt(index) === right.charCodeAt(index)) index++;
  return index;
}

/** The common suffix, not overlapping the common prefix. */
function commonSuffixLength(left: string, right: string, prefix: number): number {
  const limit = Math.min(left.length, right.length) - prefix;
  let length = 0;
  while (
    length < limit &&
    left.charCodeAt(left.length - 1 - length) === right.charCodeAt(right.length - 1 - length)
  )
    length++;
  return length;
}
