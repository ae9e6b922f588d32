// Starts a workload's upstream in its own process, so its CPU never counts against a driver.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const rawHttpServer = fileURLToPath(new URL('./upstreams/raw-http-server.mjs', import.meta.url));
const mockGatewayBin = fileURLToPath(new URL('../../mock-gateway/dist/bin.js', import.meta.url));

/**
 * @param {{ kind: 'mock-gateway' | 'raw-http' | 'none' }} options
 * @returns {Promise<{ url: string | undefined, stop: () => Promise<void> }>}
 */
export async function startUpstream({ kind }) {
  if (kind === 'none') return { url: undefined, stop: async () => {} };
  let args;
  if (kind === 'raw-http') args = [rawHttpServer];
  else if (kind === 'mock-gateway') {
    if (!existsSync(mockGatewayBin)) {
      throw new Error(
        `The mock gateway is not built (${mockGatewayBin}): run \`pnpm build\` at the root first.`,
      );
    }
    args = [mockGatewayBin, '--port', '0'];
  } else throw new Error(`Unknown upstream "${kind}": use 'mock-gateway', 'raw-http' or 'none'.`);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(
      () => reject(new Error(`The ${kind} upstream printed no URL within 10 s.`)),
      10_000,
    );
    child.once('exit', (code) =>
      reject(new Error(`The ${kind} upstream exited (${code}) before printing its URL.`)),
    );
    lines.on('line', (line) => {
      // The upstream prints either a JSON line `{ "url": ... }` or a line containing its URL.
      let found;
      try {
        found = JSON.parse(line).url;
      } catch {
        found = /https?:\/\/[^\s"']+/.exec(line)?.[0];
      }
      if (found) {
        clearTimeout(timer);
        lines.removeAllListeners('line');
        resolve(found.replace(/\/+$/, ''));
      }
    });
  });
  child.stdout.resume();
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
