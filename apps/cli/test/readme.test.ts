import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryHome } from './run-cli.js';

describe('README', { timeout: 90_000 }, () => {
  it('its first command is the offline demo, and it runs', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const firstBlock = /```sh\n([^\n]+)\n/.exec(readme)?.[1] ?? '';
    // `pnpm demo` at the root is `node apps/cli/bin/gemgate.js demo`: run that command here.
    expect(firstBlock.startsWith('pnpm demo')).toBe(true);
    const rootPackage = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(rootPackage.scripts.demo).toBe('node apps/cli/bin/gemgate.js demo');
    const run = await runCli({ args: ['demo'], env: await temporaryHome() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/(\d+) of \1 steps ran\./);
  });
});
