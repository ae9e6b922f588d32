import { resolveSettings } from '../resolve-settings.js';

/** `gemgate models [filter]`: the gateway's model ids, one a line (or JSON). */
export async function runModels({
  filter,
  options,
}: {
  filter: string | undefined;
  options: { api?: 'native' | 'openai'; json?: boolean; baseUrl?: string; timeout?: number };
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
  process.stdout.write(
    options.json ? `${JSON.stringify(shown, null, 2)}\n` : shown.map((id) => `${id}\n`).join(''),
  );
}
