import { parseArgs } from 'node:util';
import { startMockGateway } from './start-mock-gateway.js';
import type { MockGateway } from './types.js';

/** What the CLI touches of the process, injectable so tests run it in-process. */
export interface CliProcess {
  argv: string[];
  log: (line: string) => void;
  once: (signal: 'SIGINT' | 'SIGTERM', listener: () => void) => unknown;
  exit: (code: number) => void;
}

/**
 * Runs `gemgate-mock --port 8787 [--host 127.0.0.1] [--api-key K]...`: starts the gateway,
 * prints `gemgate-mock listening on <url>`, and closes it then exits 0 on SIGINT or SIGTERM.
 *
 * @example
 * ```ts
 * await runCli({ argv: process.argv.slice(2), log: console.log, once: process.once.bind(process), exit: process.exit });
 * ```
 */
export async function runCli({ argv, log, once, exit }: CliProcess): Promise<MockGateway> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-key': { type: 'string', multiple: true },
    },
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) {
    throw new Error(`gemgate-mock: --port must be a whole number from 0 to 65535, got "${values.port}".`);
  }
  const apiKeys = values['api-key'];
  const gateway = await startMockGateway({
    port,
    host: values.host,
    apiKeys: apiKeys && apiKeys.length > 0 ? apiKeys : undefined,
    // Nobody reads the record of a gateway run from the command line past its last requests.
    maxRecordedRequests: 1000,
  });
  log(`gemgate-mock listening on ${gateway.url}`);
  const stop = () => {
    gateway.close().finally(() => exit(0));
  };
  once('SIGINT', stop);
  once('SIGTERM', stop);
  return gateway;
}
