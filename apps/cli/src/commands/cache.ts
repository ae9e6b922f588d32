import { cliPaths } from '../cli-paths.js';
import { clearFileCache, fileCacheFigures } from '../file-cache-store.js';

/** `gemgate cache stats|clear`: the response cache `chat --cache` uses. */
export async function runCache({ action }: { action: 'stats' | 'clear' }): Promise<void> {
  const directory = cliPaths().responseCache;
  if (action === 'clear') {
    const { entries } = await fileCacheFigures({ directory });
    await clearFileCache({ directory });
    process.stdout.write(`Cleared ${entries} cached answer(s).\n`);
    return;
  }
  const { entries, bytes } = await fileCacheFigures({ directory });
  process.stdout.write(`${entries} cached answer(s), ${bytes} bytes, in ${directory}\n`);
}
