import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryHome } from './run-cli.js';

/** A 127.0.0.1 URL nothing listens on: every connection is refused at once. */
async function closedLocalURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function expectEveryStepRan(stdout: string) {
  const summary = /(\d+) of (\d+) steps ran\./.exec(stdout);
  expect(summary).not.toBeNull();
  expect(Number(summary?.[2])).toBeGreaterThanOrEqual(12);
  expect(summary?.[1]).toBe(summary?.[2]);
  expect(stdout).not.toContain('FAILED');
  // Both routes, the guide's capabilities, each step titled, then the closing table.
  for (const step of [
    'basic-generate',
    'describe-image',
    'csv-code-execution',
    'implicit-caching',
    'stream-rule-of-72',
    'plain-chat',
    'thinking-chat',
    'function-calling',
    'reading-usage',
    'native-thoughts',
    'tool-loop-native',
    'tool-loop-openai',
  ]) {
    expect(stdout).toMatch(new RegExp(`\\n${step}\\s+(native|openai)\\s+ok`.replace('\\n', '\\n\\d+\\s+')));
  }
}

describe('gemgate demo', { timeout: 90_000 }, () => {
  it('with no key, runs the whole tour against the in-process mock gateway and exits 0', async () => {
    const run = await runCli({ args: ['demo'], env: await temporaryHome() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('offline, against the mock gateway');
    expectEveryStepRan(run.stdout);
  });

  it('--offline uses the mock even when AIHUBMIX_API_KEY is set', async () => {
    const run = await runCli({
      args: ['demo', '--offline'],
      env: {
        ...(await temporaryHome()),
        AIHUBMIX_API_KEY: 'sk-live-key',
        AIHUBMIX_BASE_URL: await closedLocalURL(),
      },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(--offline)');
    expectEveryStepRan(run.stdout);
  });

  it('with a key, goes to AIHUBMIX_BASE_URL and says so; an unreachable gateway is one line and exit 5', async () => {
    const url = await closedLocalURL();
    const run = await runCli({
      args: ['demo'],
      env: { ...(await temporaryHome()), AIHUBMIX_API_KEY: 'sk-live-key', AIHUBMIX_BASE_URL: url },
    });
    expect(run.stdout).toContain(`live, against ${url}/gemini and ${url}/v1`);
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('gemgate demo --offline');
    expect(run.stderr.split('\n').filter((line) => line.includes('cannot reach'))).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
