import { InvalidArgumentError } from '@gemgate/core-transport';
import { readStdin } from '../read-stdin.js';
import { resolveSettings } from '../resolve-settings.js';

/** `gemgate tokens <prompt|--file>`: counts tokens with the native `countTokens`. */
export async function runTokens({
  prompt,
  options,
}: {
  prompt: string | undefined;
  options: { model?: string; file?: string[]; json?: boolean; baseUrl?: string; timeout?: number };
}): Promise<void> {
  const settings = await resolveSettings({ baseURL: options.baseUrl, model: options.model });
  const files = options.file ?? [];
  const text = prompt ?? (process.stdin.isTTY ? '' : await readStdin());
  if (text.trim() === '' && files.length === 0) {
    throw new InvalidArgumentError('Nothing to count: pass a prompt, pipe one on stdin, or use --file.', {
      argument: 'prompt',
    });
  }
  const attachments =
    files.length > 0
      ? await (await import('../media-adapter.js')).attachmentsOf({ paths: files, route: 'native' })
      : [];
  const { createGemini } = await import('@gemgate/native-gemini');
  const gemini = createGemini({
    env: settings.env,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
  try {
    const parts = [...attachments, ...(text.trim() === '' ? [] : [{ text }])];
    const result = await gemini.models.countTokens({
      model: settings.model,
      contents: [{ role: 'user', parts }],
    } as Parameters<typeof gemini.models.countTokens>[0]);
    process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${result.totalTokens}\n`);
  } finally {
    await gemini.close();
  }
}
