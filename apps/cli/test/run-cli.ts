import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI as a user runs it: the committed bin shim. */
export const binPath = fileURLToPath(new URL('../bin/gemgate.js', import.meta.url));
export const appDirectory = fileURLToPath(new URL('..', import.meta.url));

/** A fresh home: HOME and the XDG directories in a temp folder, so no test sees a real config. */
export async function temporaryHome(): Promise<Record<string, string>> {
  const home = await mkdtemp(join(tmpdir(), 'gemgate-cli-'));
  return {
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
  };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `gemgate ...args` in a child process with piped stdio and only the environment given
 * (plus PATH), so the developer's own AIHUBMIX_* variables never leak in.
 */
export function runCli({
  args,
  env,
  input,
  onStdout,
}: {
  args: string[];
  env: Record<string, string | undefined>;
  input?: string;
  onStdout?: (text: string, child: import('node:child_process').ChildProcess) => void;
}): Promise<CliRun> {
  const environment: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const [name, value] of Object.entries(env)) if (value !== undefined) environment[name] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: appDirectory,
      env: environment,
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      onStdout?.(stdout, child);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
