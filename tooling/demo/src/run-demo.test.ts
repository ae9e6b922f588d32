import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

describe('pnpm demo', () => {
  it('runs every example offline against the mock gateway and exits 0', async () => {
    const environment = { ...process.env };
    delete environment.AIHUBMIX_API_KEY;
    const { stdout } = await run(
      process.execPath,
      ['--conditions=gemgate-source', '--import', 'tsx', 'src/run-demo.ts'],
      { cwd: packageDirectory, env: environment, timeout: 60_000 },
    );
    expect(stdout).toContain('offline, against the mock gateway');
    expect(stdout).toContain('=== native Gemini API');
    expect(stdout).toContain('=== OpenAI-compatible API');
    expect(stdout).not.toContain('FAILED');
    const summary = /(\d+) of (\d+) examples ran\./.exec(stdout);
    expect(summary).not.toBeNull();
    expect(Number(summary?.[2])).toBeGreaterThanOrEqual(9);
    expect(summary?.[1]).toBe(summary?.[2]);
  });
});
