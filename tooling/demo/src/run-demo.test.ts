import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

function demo({ args = [], env }: { args?: string[]; env: Record<string, string | undefined> }) {
  const environment = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete environment[name];
  return run(
    process.execPath,
    ['--conditions=gemgate-source', '--import', 'tsx', 'src/run-demo.ts', ...args],
    {
      cwd: packageDirectory,
      env: environment,
      timeout: 60_000,
    },
  );
}

/** A 127.0.0.1 URL nothing listens on: every connection is refused at once. */
async function closedLocalURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function expectAllExamplesRan(stdout: string) {
  expect(stdout).toContain('=== native Gemini API');
  expect(stdout).toContain('=== OpenAI-compatible API');
  expect(stdout).not.toContain('FAILED');
  const summary = /(\d+) of (\d+) examples ran\./.exec(stdout);
  expect(summary).not.toBeNull();
  expect(Number(summary?.[2])).toBeGreaterThanOrEqual(9);
  expect(summary?.[1]).toBe(summary?.[2]);
}

// Each test starts node with tsx and runs every example: on a machine busy with the other
// packages' suites that can take longer than the preset's 20 s, so the test waits as long as the
// child process may run.
describe('pnpm demo', { timeout: 60_000 }, () => {
  it('runs every example offline against the mock gateway and exits 0', async () => {
    const { stdout } = await demo({ env: { AIHUBMIX_API_KEY: undefined } });
    expect(stdout).toContain('offline, against the mock gateway');
    expectAllExamplesRan(stdout);
  });

  it('--offline uses the mock gateway even when AIHUBMIX_API_KEY is set', async () => {
    // Were the key obeyed, the examples would go to this closed port and fail.
    const { stdout } = await demo({
      args: ['--offline'],
      env: { AIHUBMIX_API_KEY: 'sk-live-key', AIHUBMIX_BASE_URL: await closedLocalURL() },
    });
    expect(stdout).toContain('offline, against the mock gateway');
    expectAllExamplesRan(stdout);
  });

  it('says in one line that the real gateway cannot be reached, and that --offline exists', async () => {
    const baseURL = await closedLocalURL();
    const failure = await demo({ env: { AIHUBMIX_API_KEY: 'sk-live-key', AIHUBMIX_BASE_URL: baseURL } }).then(
      () => undefined,
      (error: { code?: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const stderrLines = (failure?.stderr ?? '').split('\n').filter((line) => line.trim() !== '');
    expect(stderrLines).toHaveLength(1);
    expect(stderrLines[0]).toContain(`cannot reach the gateway at ${baseURL}/gemini`);
    expect(stderrLines[0]).toContain('ECONNREFUSED');
    expect(stderrLines[0]).toContain('pnpm demo --offline');
    expect(failure?.stdout).not.toContain('FAILED');
    expect(failure?.stdout).not.toContain('examples ran');
    expect(failure?.stdout).not.toContain('sk-live-key');
  });

  it('refuses an unknown flag with the usage and exit code 2', async () => {
    const failure = await demo({ args: ['--bogus'], env: {} }).then(
      () => undefined,
      (error: { code?: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('Usage: pnpm demo [--offline]');
  });
});
