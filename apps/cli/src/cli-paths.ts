import { join } from 'node:path';
import envPaths from 'env-paths';

/** Where the CLI keeps its files, per the platform's conventions (XDG on Linux). */
export function cliPaths() {
  const paths = envPaths('gemgate', { suffix: '' });
  return {
    ledger: join(paths.data, 'usage.jsonl'),
    responseCache: join(paths.cache, 'responses'),
    modelRegistry: join(paths.cache, 'models-api.json'),
  };
}
