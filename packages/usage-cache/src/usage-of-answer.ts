import {
  convertGeminiUsage,
  convertOpenAIUsage,
  type GeminiUsageMetadata,
  type OpenAIWireUsage,
  type Usage,
} from '@gemgate/core-transport';

/**
 * The neutral `Usage` of one answer body (or one stream event) of either route, or `undefined`
 * when it carries none: native `usageMetadata` through `convertGeminiUsage`, OpenAI `usage`
 * through `convertOpenAIUsage`. In a stream usage is a running snapshot, so the last event that
 * has one is the call's usage.
 *
 * @example
 * ```ts
 * import { usageOfAnswer } from '@gemgate/usage-cache';
 * usageOfAnswer({ route: 'openai', body: { usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } } });
 * // { inputTokens: 10, outputTokens: 5, ..., totalTokens: 15 }
 * ```
 */
export function usageOfAnswer({
  route,
  body,
}: {
  route: 'native' | 'openai';
  body: unknown;
}): Usage | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if (route === 'native') {
    const usageMetadata = (body as { usageMetadata?: GeminiUsageMetadata | null }).usageMetadata;
    return usageMetadata ? convertGeminiUsage({ usageMetadata }) : undefined;
  }
  const usage = (body as { usage?: OpenAIWireUsage | null }).usage;
  return usage ? convertOpenAIUsage({ usage }) : undefined;
}
