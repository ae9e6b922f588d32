import { ConnectionError, resolveBaseURL } from '@gemgate/core-transport';
import { examples as nativeExamples } from '../../../../packages/native-gemini/examples/index.js';
import { examples as openaiExamples } from '../../../../packages/openai-compat/examples/index.js';
import { demoExtraSteps } from '../demo-extra-steps.js';
import { exitCodes } from '../exit-codes.js';
import { colorsFor } from '../terminal.js';
import { table } from './usage.js';

/** One step of the tour: a titled `run` against one route's base URL. */
export interface DemoStep {
  name: string;
  title: string;
  route: 'native' | 'openai';
  run(options: { baseURL: string; apiKey: string; log: (line: string) => void }): Promise<void>;
}

/**
 * `gemgate demo`: every capability of the gateway's guide, step by step, on both routes, then a
 * closing table. With no key (or `--offline`) it starts the mock gateway in-process.
 */
export async function runDemo({ offline }: { offline: boolean }): Promise<void> {
  const colors = colorsFor({ stream: process.stdout });
  const liveKey = offline ? undefined : process.env.AIHUBMIX_API_KEY?.trim() || undefined;
  const gateway = liveKey
    ? undefined
    : await (await import('@gemgate/mock-gateway')).startMockGateway({ port: 0 });
  const apiKey = liveKey ?? 'sk-demo-offline';
  const baseURLs = {
    native: gateway?.nativeBaseURL ?? resolveBaseURL({ route: 'native' }),
    openai: gateway?.openaiBaseURL ?? resolveBaseURL({ route: 'openai' }),
  };
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    gateway
      ? `gemgate demo: offline, against the mock gateway at ${gateway.url}${offline ? ' (--offline)' : ' (set AIHUBMIX_API_KEY to use the real gateway)'}`
      : `gemgate demo: live, against ${baseURLs.native} and ${baseURLs.openai} (gemgate demo --offline to use the mock gateway)`,
  );
  const steps: DemoStep[] = [
    ...nativeExamples.map((example) => ({ ...example, route: 'native' as const })),
    ...openaiExamples.map((example) => ({ ...example, route: 'openai' as const })),
    ...demoExtraSteps,
  ];
  const rows = [['#', 'step', 'route', 'result', 'ms']];
  let failures = 0;
  let unreachable = false;
  try {
    for (const [index, step] of steps.entries()) {
      out(`\n${colors.bold(`${index + 1}. ${step.title}`)} ${colors.dim(`(${step.route}: ${step.name})`)}`);
      const started = performance.now();
      let result = 'ok';
      try {
        await step.run({ baseURL: baseURLs[step.route], apiKey, log: (line) => out(`  ${line}`) });
      } catch (error) {
        if (!gateway && ConnectionError.isInstance(error)) {
          process.stderr.write(
            `gemgate demo: cannot reach the gateway at ${baseURLs[step.route]}. Check the network and AIHUBMIX_BASE_URL, or run \`gemgate demo --offline\`.\n`,
          );
          unreachable = true;
          break;
        }
        failures += 1;
        result = 'FAILED';
        out(
          `  ${colors.red('FAILED')}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
        );
      }
      rows.push([
        String(index + 1),
        step.name,
        step.route,
        result,
        String(Math.round(performance.now() - started)),
      ]);
    }
  } finally {
    await gateway?.close();
  }
  if (unreachable) {
    process.exitCode = exitCodes.network;
    return;
  }
  out(`\n${table({ rows })}`);
  out(`${steps.length - failures} of ${steps.length} steps ran.`);
  process.exitCode = failures > 0 ? exitCodes.failure : exitCodes.success;
}
