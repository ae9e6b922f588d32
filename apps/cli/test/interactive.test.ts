import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appDirectory, binPath, temporaryHome } from './run-cli.js';

// The interactive chat runs under a real pseudo-terminal: tmux (Debian's package, installed by
// .ci/run) starts it, send-keys types, capture-pane reads the screen.
const run = promisify(execFile);
const apiKey = 'sk-cli-test-0123456789abcdef';
let gateway: MockGateway;

beforeAll(async () => {
  // Slow chunks, so an answer is still arriving when the test presses Ctrl-C.
  gateway = await startMockGateway({ apiKeys: [apiKey], latency: { chunkMs: 150 } });
});
afterAll(async () => {
  await gateway.close();
});

async function startSession({ name, args = ['chat', '--quiet'] }: { name: string; args?: string[] }) {
  const home = await temporaryHome();
  const exitFile = join(home.HOME as string, 'exit-code');
  const variables = Object.entries({
    ...home,
    AIHUBMIX_API_KEY: apiKey,
    AIHUBMIX_BASE_URL: gateway.url,
    TERM: 'xterm-256color',
  })
    .map(([key, value]) => `${key}='${value}'`)
    .join(' ');
  const command = `cd '${appDirectory}' && env -u NO_COLOR ${variables} '${process.execPath}' '${binPath}' ${args.map((arg) => `'${arg}'`).join(' ')}; echo $? > '${exitFile}'; sleep 60`;
  await run('tmux', ['new-session', '-d', '-s', name, '-x', '120', '-y', '50', command]);
  const screen = async () => (await run('tmux', ['capture-pane', '-p', '-t', name])).stdout;
  const keys = (...keys: string[]) => run('tmux', ['send-keys', '-t', name, ...keys]);
  const exitCode = async () => (await readFile(exitFile, 'utf8')).trim();
  const cursorVisible = async () =>
    (await run('tmux', ['display-message', '-p', '-t', name, '#{cursor_flag}'])).stdout.trim() === '1';
  const close = () => run('tmux', ['kill-session', '-t', name]).catch(() => undefined);
  return { screen, keys, exitCode, cursorVisible, close };
}

const count = (text: string, part: string) => text.split(part).length - 1;
const wait = { timeout: 30_000, interval: 100 };

describe('gemgate chat, interactive', { timeout: 90_000 }, () => {
  it('keeps history, runs the slash commands, cancels an answer with Ctrl-C and leaves with /exit', async () => {
    const session = await startSession({ name: `gemgate-test-${process.pid}-a` });
    try {
      await vi.waitFor(async () => expect(await session.screen()).toContain('you>'), wait);
      expect(await session.screen()).toContain('gemini-2.5-flash (native)');

      await session.keys('Hello', 'Enter');
      await vi.waitFor(async () => expect(count(await session.screen(), 'you>')).toBe(2), wait);
      await session.keys('Again', 'Enter');
      await vi.waitFor(async () => expect(count(await session.screen(), 'you>')).toBe(3), wait);
      // The second turn carried the first one: history is kept.
      const secondTurn = gateway.requests.at(-1)?.body as { contents: unknown[] };
      expect(secondTurn.contents).toHaveLength(3);

      await session.keys('/usage', 'Enter');
      await vi.waitFor(async () => expect(await session.screen()).toMatch(/2 turn\(s\): in \d+/), wait);

      await session.keys('/reset', 'Enter');
      await vi.waitFor(async () => expect(await session.screen()).toContain('Conversation forgotten.'), wait);
      await session.keys('/model gemini-2.0-flash', 'Enter');
      await vi.waitFor(
        async () => expect(await session.screen()).toContain('model: gemini-2.0-flash (native)'),
        wait,
      );

      const before = gateway.requests.length;
      await session.keys('Tell me a long story', 'Enter');
      await vi.waitFor(() => expect(gateway.requests.length).toBe(before + 1), wait);
      const afterReset = gateway.requests.at(-1) as { path: string; body: { contents: unknown[] } };
      expect(afterReset.path).toContain('gemini-2.0-flash');
      expect(afterReset.body.contents).toHaveLength(1);
      await session.keys('C-c');
      await vi.waitFor(async () => expect(await session.screen()).toContain('(cancelled)'), wait);
      await vi.waitFor(
        async () => expect((await session.screen()).trimEnd().endsWith('you>')).toBe(true),
        wait,
      );

      const saved = join(appDirectory, `.chat-${process.pid}.json`);
      await session.keys(`/save ${saved}`, 'Enter');
      await vi.waitFor(async () => expect(await session.screen()).toContain('Saved to'), wait);
      const { rm } = await import('node:fs/promises');
      const history = JSON.parse(await readFile(saved, 'utf8'));
      await rm(saved);
      // The cancelled turn left the history as it was (after /reset: empty).
      expect(history).toMatchObject({ model: 'gemini-2.0-flash', route: 'native', history: [] });

      await session.keys('/exit', 'Enter');
      await vi.waitFor(async () => expect(await session.exitCode()).toBe('0'), wait);
    } finally {
      await session.close();
    }
  });

  it('Ctrl-D leaves with exit code 0', async () => {
    const session = await startSession({ name: `gemgate-test-${process.pid}-b` });
    try {
      await vi.waitFor(async () => expect(await session.screen()).toContain('you>'), wait);
      await session.keys('C-d');
      await vi.waitFor(async () => expect(await session.exitCode()).toBe('0'), wait);
    } finally {
      await session.close();
    }
  });

  it('one-shot on a terminal: a spinner until the first token; Ctrl-C exits 130 with the cursor restored', async () => {
    gateway.scheduleFault({ fault: 'slow-first-byte=20000', times: 1 });
    const session = await startSession({ name: `gemgate-test-${process.pid}-c`, args: ['chat', 'Hi'] });
    try {
      await vi.waitFor(
        async () => expect(await session.screen()).toContain('waiting for the first token'),
        wait,
      );
      await session.keys('C-c');
      await vi.waitFor(async () => expect(await session.exitCode()).toBe('130'), wait);
      expect(await session.screen()).not.toContain('waiting for the first token');
      expect(await session.cursorVisible()).toBe(true);
    } finally {
      await session.close();
    }
  });
});
