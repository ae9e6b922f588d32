/**
 * A structural test of the common `chat.completion.chunk` (text, thoughts, finish reason,
 * plain usage), by hand for the same reason as the native one: zod per chunk costs more than
 * the rest of the chunk's handling. `true` only for chunks the zod schema accepts; anything
 * else (tool-call deltas, `extra_content`, a wrong type) goes to zod. Keys the schema does not
 * declare are ignored, as the schema keeps them unchecked.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function isNullishString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

function isNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

function isCommonDelta(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'role':
        if (!isOptionalString(field)) return false;
        break;
      case 'content':
      case 'reasoning_content':
      case 'reasoning':
      case 'refusal':
        if (!isNullishString(field)) return false;
        break;
      case 'tool_calls':
      case 'extra_content':
        if (field !== undefined && field !== null) return false;
        break;
    }
  }
  return true;
}

function isCommonChoice(value: unknown): boolean {
  if (!isObject(value) || !isCommonDelta(value.delta)) return false;
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'index':
        if (field !== undefined && !isNumber(field)) return false;
        break;
      case 'finish_reason':
        if (!isNullishString(field)) return false;
        break;
    }
  }
  return true;
}

function isCommonUsage(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (!isObject(value)) return false;
  if (!isNumber(value.prompt_tokens) || !isNumber(value.completion_tokens) || !isNumber(value.total_tokens)) {
    return false;
  }
  const promptDetails = value.prompt_tokens_details;
  if (promptDetails !== undefined && promptDetails !== null) {
    if (!isObject(promptDetails)) return false;
    const cached = promptDetails.cached_tokens;
    if (cached !== undefined && cached !== null && !isNumber(cached)) return false;
  }
  const completionDetails = value.completion_tokens_details;
  if (completionDetails !== undefined && completionDetails !== null) {
    if (!isObject(completionDetails)) return false;
    const reasoning = completionDetails.reasoning_tokens;
    if (reasoning !== undefined && reasoning !== null && !isNumber(reasoning)) return false;
  }
  return true;
}

/**
 * Whether a body is a common `chat.completion.chunk` the zod schema would certainly accept.
 *
 * @example
 * ```ts
 * isCommonChatCompletionChunk({ id: 'x', choices: [{ index: 0, delta: { content: 'Hi' } }] }); // true
 * isCommonChatCompletionChunk({ choices: 'none' }); // false: ask zod
 * ```
 */
export function isCommonChatCompletionChunk(value: unknown): boolean {
  if (!isObject(value)) return false;
  const choices = value.choices;
  if (!Array.isArray(choices)) return false;
  for (const choice of choices) if (!isCommonChoice(choice)) return false;
  if (!isOptionalString(value.id) || !isOptionalString(value.object) || !isOptionalString(value.model)) {
    return false;
  }
  if (value.created !== undefined && !isNumber(value.created)) return false;
  return isCommonUsage(value.usage);
}
