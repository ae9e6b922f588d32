import type { Usage } from '@gemgate/core-transport';

/**
 * The quiet line after an answer: tokens in/out/thinking/cached, the estimated cost, a cache
 * hit, the latency, the route and model.
 */
export function formatStats({
  usage,
  costUsd,
  cacheHit,
  latencyMs,
  route,
  model,
}: {
  usage: Usage | undefined;
  costUsd: number | undefined;
  cacheHit: boolean;
  latencyMs: number;
  route: string;
  model: string;
}): string {
  const parts = [`${model} (${route})`];
  if (usage) {
    parts.push(`in ${usage.inputTokens}`, `out ${usage.outputTokens}`);
    if (usage.reasoningTokens > 0) parts.push(`thinking ${usage.reasoningTokens}`);
    parts.push(`cached ${usage.cachedInputTokens}`);
  } else {
    parts.push('no usage reported');
  }
  if (costUsd !== undefined) parts.push(`~$${costUsd.toFixed(6)}`);
  if (cacheHit) parts.push('cache hit');
  parts.push(`${Math.round(latencyMs)} ms`);
  return parts.join(' · ');
}
