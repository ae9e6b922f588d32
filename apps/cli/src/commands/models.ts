import { cliPaths } from '../cli-paths.js';
import { resolveSettings, type Settings } from '../resolve-settings.js';

/** `gemgate models [filter]`: the gateway's model ids, one a line (or JSON). */
export async function runModels({
  filter,
  options,
}: {
  filter: string | undefined;
  options: {
    api?: 'native' | 'openai';
    json?: boolean;
    details?: boolean;
    refresh?: boolean;
    baseUrl?: string;
    timeout?: number;
  };
}): Promise<void> {
  const settings = await resolveSettings({ baseURL: options.baseUrl });
  const timeout = options.timeout === undefined ? {} : { timeout: options.timeout };
  const ids: string[] = [];
  if (options.api === 'native') {
    const { createGemini } = await import('@gemgate/native-gemini');
    const gemini = createGemini({ env: settings.env, ...timeout });
    try {
      for await (const model of await gemini.models.list()) {
        const name = (model as { name?: string }).name;
        if (name) ids.push(name.replace(/^models\//, ''));
      }
    } finally {
      await gemini.close();
    }
  } else {
    const { createOpenAICompat } = await import('@gemgate/openai-compat');
    const client = createOpenAICompat({ env: settings.env, ...timeout });
    try {
      for await (const model of client.models.list()) ids.push(model.id);
    } finally {
      await client.close();
    }
  }
  const shown = filter ? ids.filter((id) => id.toLowerCase().includes(filter.toLowerCase())) : ids;
  if (options.details) {
    await printDetails({ ids: shown, settings, options });
    return;
  }
  process.stdout.write(
    options.json ? `${JSON.stringify(shown, null, 2)}\n` : shown.map((id) => `${id}\n`).join(''),
  );
}

/** The registry's facts (cached for a day) merged under the catalog's rules, one model a line. */
async function printDetails({
  ids,
  settings,
  options,
}: {
  ids: string[];
  settings: Settings;
  options: { json?: boolean; refresh?: boolean };
}): Promise<void> {
  const { describeModel, loadModelRegistry } = await import('@gemgate/core-transport');
  const origin = new URL(settings.env.AIHUBMIX_BASE_URL ?? 'https://aihubmix.com').origin;
  const registry = await loadModelRegistry({
    origin,
    cacheFile: cliPaths().modelRegistry,
    refresh: options.refresh === true,
  });
  const described = ids.map((id) => describeModel({ model: id, registry }));
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ fetchedAt: registry.fetchedAt, models: described }, null, 2)}\n`,
    );
    return;
  }
  const lines = described.map((model) => {
    const facts = [
      model.inputTokenLimit === undefined ? undefined : `context ${model.inputTokenLimit}`,
      model.outputTokenLimit === undefined ? undefined : `output ${model.outputTokenLimit}`,
      model.pricing === undefined ? undefined : `$${round(model.pricing.input * 1000)}/M in`,
      model.pricing === undefined ? undefined : `$${round(model.pricing.output * 1000)}/M out`,
      model.rules?.deprecation === undefined ? undefined : 'deprecated',
    ].filter((fact) => fact !== undefined);
    return `${model.id}${facts.length > 0 ? `  ${facts.join(', ')}` : ''}\n`;
  });
  process.stdout.write(`${lines.join('')}(models API as of ${registry.fetchedAt})\n`);
}

/** A price per million tokens from the registry's per-1K figure, without float noise (0.30000000000000004). */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
