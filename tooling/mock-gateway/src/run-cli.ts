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

/** What `gemgate-mock --help` prints. */
export const cliUsage = `Usage: gemgate-mock [--port 8787] [--host 127.0.0.1] [--api-key KEY]...

Starts the offline mock of the AiHubMix gateway: the native Gemini API under /gemini and the
OpenAI-compatible API under /v1. Runs until SIGINT (Ctrl-C) or SIGTERM.

Options:
  --port N        port to listen on; 0 picks a free one (default 8787)
  --host HOST     interface to bind (default 127.0.0.1)
  --api-key KEY   a key the mock accepts; repeat for several (default: any non-empty key)
  -h, --help      print this help and exit`;

/**
 * Runs `gemgate-mock --port 8787 [--host 127.0.0.1] [--api-key K]...`: starts the gateway,
 * prints `gemgate-mock listening on <url>`, and closes it then exits 0 on SIGINT or SIGTERM.
 * `--help` prints {@link cliUsage}, exits 0 and resolves to `undefined` without starting anything.
 * A flag it does not know is an error whose message points to `--help`.
 *
 * @example
 * ```ts
 * await runCli({ argv: process.argv.slice(2), log: console.log, once: process.once.bind(process), exit: process.exit });
 * ```
 */
export async function runCli({ argv, log, once, exit }: CliProcess): Promise<MockGateway | undefined> {
  const { values } = parseFlags(argv);
  if (values.help) {
    log(cliUsage);
    exit(0);
    return undefined;
  }
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

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        'api-key': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // node:util's own wording ("Unknown option '--x'. To specify a positional argument...") says
    // nothing about what the flags are.
    const reason = error instanceof Error ? error.message.split('. ')[0] : String(error);
    throw new Error(`gemgate-mock: ${reason}. Run gemgate-mock --help for the options.`);
  }
}
