import { AuthenticationError } from '@gemgate/core-transport';
import { readConfig } from './config-store.js';

/** What a command needs to reach the gateway, after flags > environment > settings file. */
export interface Settings {
  /** The environment handed to the clients: the winning key, base URL and app code. */
  env: Record<string, string | undefined>;
  apiKey: string;
  model: string;
}

/** The model used when neither `--model` nor the `model` setting names one. */
export const defaultModel = 'gemini-2.5-flash';

/**
 * Resolves the settings of one command: flags win over `AIHUBMIX_*` variables, which win over
 * `gemgate config`. A missing key says both ways to set it.
 */
export async function resolveSettings({
  baseURL,
  model,
  env = process.env,
}: {
  baseURL?: string | undefined;
  model?: string | undefined;
  env?: Record<string, string | undefined>;
}): Promise<Settings> {
  const config = await readConfig();
  const apiKey = env.AIHUBMIX_API_KEY?.trim() || config.apiKey;
  if (!apiKey) {
    throw new AuthenticationError(
      'No API key: set the AIHUBMIX_API_KEY environment variable or run `gemgate config set apiKey <key>` (try `gemgate demo` to see everything offline).',
    );
  }
  return {
    env: {
      AIHUBMIX_API_KEY: apiKey,
      AIHUBMIX_BASE_URL: baseURL ?? (env.AIHUBMIX_BASE_URL?.trim() || config.baseURL),
      AIHUBMIX_APP_CODE: env.AIHUBMIX_APP_CODE?.trim() || config.appCode,
    },
    apiKey,
    model: model ?? config.model ?? defaultModel,
  };
}
