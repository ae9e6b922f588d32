import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InvalidArgumentError } from '@gemgate/core-transport';
import envPaths from 'env-paths';

/** The settings `gemgate config` stores. */
export const configKeys = ['apiKey', 'baseURL', 'appCode', 'model'] as const;

/** One of {@link configKeys}. */
export type ConfigKey = (typeof configKeys)[number];

/** The settings file's content. */
export type StoredConfig = Partial<Record<ConfigKey, string>>;

/** Where the settings file lives: `$XDG_CONFIG_HOME/gemgate/config.json` on Linux. */
export function configFilePath(): string {
  return join(envPaths('gemgate', { suffix: '' }).config, 'config.json');
}

/** Reads the settings file; a missing file is no settings. */
export async function readConfig(): Promise<StoredConfig> {
  let text: string;
  try {
    text = await readFile(configFilePath(), 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not an object');
    const config: StoredConfig = {};
    for (const key of configKeys) {
      const value = (parsed as Record<string, unknown>)[key];
      if (typeof value === 'string') config[key] = value;
    }
    return config;
  } catch {
    throw new InvalidArgumentError(
      `The settings file ${configFilePath()} is not valid JSON: fix it or delete it.`,
      { argument: 'config' },
    );
  }
}

/** Writes the settings file, readable and writable by its owner only (it may hold the key). */
export async function writeConfig({ config }: { config: StoredConfig }): Promise<void> {
  const path = configFilePath();
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // writeFile's mode applies only when it creates the file: tighten an older, looser one too.
  await chmod(path, 0o600);
}

/** Deletes the settings file. */
export async function deleteConfig(): Promise<void> {
  await rm(configFilePath(), { force: true });
}

/** Checks that `key` is a setting, with a message listing them. */
export function checkConfigKey({ key }: { key: string }): ConfigKey {
  if (!(configKeys as readonly string[]).includes(key)) {
    throw new InvalidArgumentError(`Unknown setting "${key}": use one of ${configKeys.join(', ')}.`, {
      argument: 'key',
    });
  }
  return key as ConfigKey;
}
