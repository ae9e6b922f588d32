// `pnpm demo`: runs every seed example through gemgate's clients. With no AIHUBMIX_API_KEY, or
// with `--offline`, it starts the offline mock gateway and runs against that; with a key it
// calls the real gateway (AIHUBMIX_BASE_URL, default https://aihubmix.com).
import { parseArgs } from 'node:util';
import { ConnectionError, resolveBaseURL } from '@gemgate/core-transport';
import { startMockGateway } from '@gemgate/mock-gateway';
import { examples as nativeExamples } from '../../../packages/native-gemini/examples/index.js';
import { examples as openaiExamples } from '../../../packages/openai-compat/examples/index.js';
import { unreachableGatewayLine } from './unreachable-gateway-line.js';

interface Example {
  name: string;
  title: string;
  run(options: { baseURL: string; apiKey: string; log: (line: string) => void }): Promise<void>;
}

const usage =
  'Usage: pnpm demo [--offline]   (--offline: use the mock gateway even when AIHUBMIX_API_KEY is set)';
let offline = false;
try {
  offline = parseArgs({ options: { offline: { type: 'boolean', default: false } } }).values.offline;
} catch (error) {
  console.error(`gemgate demo: ${error instanceof Error ? error.message.split('. ')[0] : String(error)}.`);
  console.error(usage);
  process.exit(2);
}

const liveKey = offline ? undefined : process.env.AIHUBMIX_API_KEY;
const gateway = liveKey ? undefined : await startMockGateway({ port: 0 });
const apiKey = liveKey ?? 'sk-demo-offline';
const nativeBaseURL = gateway?.nativeBaseURL ?? resolveBaseURL({ route: 'native' });
const openaiBaseURL = gateway?.openaiBaseURL ?? resolveBaseURL({ route: 'openai' });

console.log(
  gateway
    ? `gemgate demo: offline, against the mock gateway at ${gateway.url}${offline ? ' (--offline)' : ' (set AIHUBMIX_API_KEY to use the real gateway)'}`
    : `gemgate demo: live, against ${nativeBaseURL} and ${openaiBaseURL} (pnpm demo --offline to use the mock gateway)`,
);

const groups: Array<{ label: string; baseURL: string; list: readonly Example[] }> = [
  { label: 'native Gemini API (@gemgate/native-gemini)', baseURL: nativeBaseURL, list: nativeExamples },
  { label: 'OpenAI-compatible API (@gemgate/openai-compat)', baseURL: openaiBaseURL, list: openaiExamples },
];

let failures = 0;
let unreachable = false;
try {
  run: for (const group of groups) {
    console.log(`\n=== ${group.label} ===`);
    for (const example of group.list) {
      console.log(`\n--- ${example.title} (${example.name}) ---`);
      try {
        await example.run({ baseURL: group.baseURL, apiKey, log: (line) => console.log(`  ${line}`) });
      } catch (error) {
        // Without a network every live example fails the same way: one clear line, then stop.
        if (!gateway && ConnectionError.isInstance(error)) {
          console.error(`\n${unreachableGatewayLine({ baseURL: group.baseURL, error })}`);
          unreachable = true;
          break run;
        }
        failures += 1;
        console.log(
          `  FAILED: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
        );
      }
    }
  }
} finally {
  await gateway?.close();
}

if (unreachable) {
  process.exitCode = 1;
} else {
  const total = groups.reduce((count, group) => count + group.list.length, 0);
  console.log(`\n${total - failures} of ${total} examples ran.`);
  process.exitCode = failures > 0 ? 1 : 0;
}
