import { checkConfigKey, configFilePath, configKeys, readConfig, writeConfig } from '../config-store.js';
import { maskSecret } from '../mask-secret.js';

/** `gemgate config set <key> <value>`. */
export async function runConfigSet({ key, value }: { key: string; value: string }): Promise<void> {
  const name = checkConfigKey({ key });
  const config = await readConfig();
  config[name] = value;
  await writeConfig({ config });
  process.stdout.write(`${name} set in ${configFilePath()}\n`);
}

/** `gemgate config get [key]`: the key is masked, always. */
export async function runConfigGet({ key }: { key: string | undefined }): Promise<void> {
  const config = await readConfig();
  const names = key === undefined ? configKeys : [checkConfigKey({ key })];
  for (const name of names) {
    const value = config[name];
    const shown =
      value === undefined ? '(not set)' : name === 'apiKey' ? maskSecret({ secret: value }) : value;
    process.stdout.write(key === undefined ? `${name}: ${shown}\n` : `${shown}\n`);
  }
}

/** `gemgate config unset <key>`. */
export async function runConfigUnset({ key }: { key: string }): Promise<void> {
  const name = checkConfigKey({ key });
  const config = await readConfig();
  delete config[name];
  await writeConfig({ config });
  process.stdout.write(`${name} removed from ${configFilePath()}\n`);
}

/** `gemgate config path`. */
export function runConfigPath(): void {
  process.stdout.write(`${configFilePath()}\n`);
}
