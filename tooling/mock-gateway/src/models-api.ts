import { servedModelIds } from './served-models.js';
import { upstreamModelOf } from './upstream/upstream-rules.js';

/**
 * Late-2026 ids the gateway's models API lists besides the ones the mock serves by name
 * (generation accepts any id; these are listed here only).
 */
const listedOnlyIds = ['gemini-3.8-flash', 'gemini-3.7-flash', 'gemini-3.6-flash', 'gemini-4-argon'];

/**
 * The mock's prices, USD per 1K tokens. Made up for the mock except gemini-2.5-flash, which
 * carries Google's published $0.30 / $2.50 per million (https://ai.google.dev/gemini-api/docs/pricing),
 * so a client's price-unit check passes. `x-mock-price-unit: per-million` multiplies all by 1000.
 */
const prices: Record<string, { input: number; output: number; cache_read?: number; cache_write?: number }> = {
  'gemini-2.5-flash': { input: 0.0003, output: 0.0025, cache_read: 0.00003 },
  'gemini-3.8-flash': { input: 0.0005, output: 0.003, cache_read: 0.00005, cache_write: 0.0001 },
  'gemini-4-argon': { input: 0.004, output: 0.024, cache_read: 0.0004 },
};

/**
 * The gateway's public `GET /api/v1/models` answer, shaped as its docs show
 * (https://docs.aihubmix.com/en/api/Models-API): `{ data: [{ model_id, desc, types, features,
 * input_modalities, max_output, context_length, pricing }] }`, lists as comma-separated strings.
 *
 * @example
 * ```ts
 * modelsApiAnswer({ perMillion: false }).data[0]?.model_id; // 'gemini-3-pro-preview'
 * ```
 */
export function modelsApiAnswer({ perMillion }: { perMillion: boolean }) {
  const data = [...servedModelIds, ...listedOnlyIds].flatMap((id) => {
    const info = upstreamModelOf(id);
    if (!info) return [];
    const price = prices[id] ?? { input: 0.001, output: 0.004 };
    const scale = perMillion ? 1000 : 1;
    return [
      {
        model_id: id,
        desc: `Mock of ${id} (family ${info.family}).`,
        types: info.kind === 'embed' ? 'embedding' : 'llm',
        features:
          info.kind === 'embed'
            ? ''
            : [info.thinking.thinks ? 'thinking' : '', 'tools', 'function_calling', 'structured_outputs']
                .filter(Boolean)
                .join(','),
        input_modalities: info.kind === 'embed' ? 'text' : 'text,image,audio,video,pdf',
        max_output: String(info.outputTokenLimit),
        context_length: String(info.inputTokenLimit),
        pricing: Object.fromEntries(Object.entries(price).map(([key, value]) => [key, value * scale])),
      },
    ];
  });
  return { success: true, data };
}
