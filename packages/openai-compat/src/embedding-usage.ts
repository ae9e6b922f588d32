import { convertOpenAIUsage, type Usage } from '@gemgate/core-transport';

/** The `usage` an embeddings answer carries on the wire, as `openai` types it. */
export interface EmbeddingWireUsage {
  prompt_tokens: number;
  total_tokens: number;
  /** Any other field the gateway sent, kept as sent. */
  [field: string]: unknown;
}

/**
 * `usage` of an embeddings answer: the wire's fields as the gateway sent them, so
 * `usage.prompt_tokens` and `usage.total_tokens` work as with `openai`, plus gemgate's neutral
 * fields (`inputTokens`, `outputTokens`, ...) on the same object, like a completion's `OpenAIUsage`.
 */
export type EmbeddingUsage = EmbeddingWireUsage & Usage;

/**
 * The wire usage of an embeddings answer with the neutral fields beside it, or `undefined`
 * when the answer counted no input tokens.
 *
 * @example
 * ```ts
 * const usage = toEmbeddingUsage({ usage: { prompt_tokens: 8, total_tokens: 8 } });
 * usage?.prompt_tokens; // 8
 * usage?.inputTokens; // 8
 * ```
 */
export function toEmbeddingUsage({ usage }: { usage: unknown }): EmbeddingUsage | undefined {
  if (typeof usage !== 'object' || usage === null) return undefined;
  const wire = usage as Record<string, unknown>;
  const promptTokens = wire.prompt_tokens;
  if (typeof promptTokens !== 'number') return undefined;
  // An embedding generates nothing: whatever the gateway leaves out of the total is the input.
  const totalTokens = typeof wire.total_tokens === 'number' ? wire.total_tokens : promptTokens;
  const withTotal = { ...wire, prompt_tokens: promptTokens, total_tokens: totalTokens };
  return { ...withTotal, ...convertOpenAIUsage({ usage: withTotal }) };
}
