import { EventEmitter, once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('gemgate-mock (runCli)', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints its URL, serves with the given keys, and closes then exits 0 on %s',
    async (signal) => {
      const lines: string[] = [];
      const signals = new EventEmitter();
      const exits = new EventEmitter();
      const gateway = await runCli({
        argv: ['--port', '0', '--api-key', 'one', '--api-key', 'two'],
        log: (line) => lines.push(line),
        once: (name, listener) => signals.once(name, listener),
        exit: (code) => exits.emit('exit', code),
      });
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
});
