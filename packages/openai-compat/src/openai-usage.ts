import { convertOpenAIUsage, type Usage } from '@gemgate/core-transport';
import type { WireUsage } from './wire-types.js';

/**
 * `usage` of a completion or chunk: the wire's fields exactly as the gateway sent them
 * (`prompt_tokens`, `completion_tokens`, `total_tokens`, `*_details` and any other), so code
 * written for `openai` keeps working, plus gemgate's neutral fields (`inputTokens`,
 * `outputTokens` with thinking always included, `reasoningTokens`, ...), the same as the
 * native client's `usage`. Serialized (`toJSON`), a completion carries the wire fields only.
 */
export type OpenAIUsage = WireUsage & Usage;

/**
 * The wire usage with the neutral fields beside it, or `undefined` when the wire sent none
 * (a stream chunk before the last, or `include_usage: false`).
 */
export function toOpenAIUsage({ usage }: { usage: WireUsage | null | undefined }): OpenAIUsage | undefined {
  if (!usage) return undefined;
  return { ...usage, ...convertOpenAIUsage({ usage }) };
}
