import { lookupModel, type ModelInfo } from '@gemgate/core-transport';

const cache = new Map<string, ModelInfo | undefined>();
// Bounded so that a caller cycling through many ad-hoc model ids cannot grow it without end.
const maxEntries = 256;

/**
 * `lookupModel`, remembered per model id. The catalog is fixed for the life of the process,
 * and a lookup (regular expressions, a fresh object) showed up in the per-call profile.
 *
 * @example
 * ```ts
 * lookupModelCached({ model: 'gemini-2.5-flash' })?.thinking.reasoningEfforts; // ['none', 'low', 'medium', 'high']
 * ```
 */
export function lookupModelCached({ model }: { model: string }): ModelInfo | undefined {
  if (cache.has(model)) return cache.get(model);
  const info = lookupModel(model);
  if (cache.size >= maxEntries) cache.clear();
  cache.set(model, info);
  return info;
}
