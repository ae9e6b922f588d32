import { execFile } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('gemgate-mock (runCli)', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints its URL, serves with the given keys, and closes then exits 0 on %s',
    async (signal) => {
      const lines: string[] = [];
      const signals = new EventEmitter();
      const exits = new EventEmitter();
      const started = await runCli({
        argv: ['--port', '0', '--api-key', 'one', '--api-key', 'two'],
        log: (line) => lines.push(line),
        once: (name, listener) => signals.once(name, listener),
        exit: (code) => exits.emit('exit', code),
      });
      if (!started) throw new Error('runCli did not start a gateway');
      const gateway = started;
      expect(lines).toEqual([`gemgate-mock listening on ${gateway.url}`]);
      expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const status = async (key: string) =>
        (await fetch(`${gateway.openaiBaseURL}/models`, { headers: { authorization: `Bearer ${key}` } }))
          .status;
      expect([await status('one'), await status('two'), await status('three')]).toEqual([200, 200, 401]);
      const exited = once(exits, 'exit');
      signals.emit(signal);
      expect(await exited).toEqual([0]);
      await expect(fetch(`${gateway.url}/v1/models`)).rejects.toThrow();
    },
  );

  it.each(['abc', '-1', '70000', ''])('refuses --port=%s with a message naming the flag', async (port) => {
    await expect(
      runCli({ argv: [`--port=${port}`], log: () => {}, once: () => {}, exit: () => {} }),
    ).rejects.toThrow('--port must be a whole number from 0 to 65535');
  });

  it.each([['--help'], ['-h'], ['--port', '1', '--help']])(
    'prints the usage and exits 0 without starting a gateway for %j',
    async (...argv) => {
      const lines: string[] = [];
      const codes: number[] = [];
      const result = await runCli({
        argv,
        log: (line) => lines.push(line),
        once: () => {},
        exit: (code) => codes.push(code),
      });
      expect(result).toBeUndefined();
      expect(codes).toEqual([0]);
      expect(lines.join('\n')).toMatch(/^Usage: gemgate-mock /);
      expect(lines.join('\n')).toContain('--api-key KEY');
    },
  );

  it('refuses an unknown flag and points to --help', async () => {
    await expect(
      runCli({ argv: ['--verbose'], log: () => {}, once: () => {}, exit: () => {} }),
    ).rejects.toThrow(/--verbose.*Run gemgate-mock --help/);
  });
});

describe('the gemgate-mock bin', () => {
  const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
  const manifest = JSON.parse(readFileSync(`${packageDirectory}package.json`, 'utf8'));
  const binPath = `${packageDirectory}${manifest.bin['gemgate-mock']}`;

  it('points at a committed file, so a fresh pnpm install (nothing built) can link it', () => {
    // A bin under dist/ does not exist at install time and pnpm warns "Failed to create bin".
    expect(manifest.bin['gemgate-mock']).not.toMatch(/^(\.\/)?dist\//);
    expect(existsSync(binPath)).toBe(true);
    expect(manifest.files).toContain('bin');
  });

  it('answers --help with the usage and exit code 0', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [binPath, '--help'], { timeout: 15_000 });
    expect(stdout).toMatch(/^Usage: gemgate-mock /);
  });
});
