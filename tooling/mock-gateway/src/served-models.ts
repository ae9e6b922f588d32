import { type UpstreamModel, upstreamModelOf } from './upstream/upstream-rules.js';

/** Model ids the mock lists. Generation accepts any id; listing and `get` know only these. */
export const servedModelIds = [
  'gemini-3-pro-preview',
  'gemini-3-flash-preview',
  'gemini-2.5-pro',
  'gemini-2.5-flash',
  'gemini-2.5-flash-lite',
  'gemini-2.0-flash',
  'gemini-2.0-flash-lite',
  'gemini-embedding-001',
  'text-embedding-004',
] as const;

/** Every id the OpenAI route lists: the served ids plus `-nothink`/`-search` variants of thinking models. */
export function openaiModelIds(): string[] {
  const ids: string[] = [];
  for (const id of servedModelIds) {
    ids.push(id);
    const info = upstreamModelOf(id);
    if (info?.kind === 'generate' && info.thinking.budgetZeroAllowed && info.thinking.thinks)
      ids.push(`${id}-nothink`);
    if (info?.kind === 'generate') ids.push(`${id}-search`);
  }
  return ids;
}

/** A native `Model` resource. */
export function describeNativeModel(id: string) {
  const info = upstreamModelOf(id) as UpstreamModel;
  const methods =
    info.kind === 'embed'
      ? ['embedContent', 'batchEmbedContents', 'countTokens']
      : [
          'generateContent',
          'streamGenerateContent',
          'countTokens',
          'createCachedContent',
          'batchGenerateContent',
        ];
  return {
    name: `models/${id}`,
    version: '001',
    displayName: id
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' '),
    description: `Mock of ${id} (family ${info.family}).`,
    inputTokenLimit: info.inputTokenLimit,
    outputTokenLimit: info.outputTokenLimit,
    supportedGenerationMethods: methods,
    ...(info.kind === 'generate' ? { temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2 } : {}),
    ...(info.thinking.thinks ? { thinking: true } : {}),
  };
}
