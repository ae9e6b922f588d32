/**
 * The README's code runs: its first block (the five-line example) and the `responseCache`
 * block are taken from the file as written, stripped of types, and run against the mock
 * gateway with only the environment changed.
 */
import { readFileSync } from 'node:fs';
import * as nativeGemini from '@gemgate/native-gemini';
import * as openaiCompat from '@gemgate/openai-compat';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as usageCache from '../src/index.js';
import { testApiKey, useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const codeBlocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
const closers: Array<() => Promise<void>> = [];

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** What the README's code can import, as it names it; clients are recorded to be closed. */
const modules: Record<string, Record<string, unknown>> = {
  '@gemgate/usage-cache': usageCache,
  '@gemgate/native-gemini': {
    ...nativeGemini,
    createGemini: (options?: nativeGemini.GeminiOptions) => {
      const client = nativeGemini.createGemini(options);
      closers.push(() => client.close());
      return client;
    },
  },
  '@gemgate/openai-compat': {
    ...openaiCompat,
    createOpenAICompat: (options?: openaiCompat.OpenAICompatOptions) => {
      const client = openaiCompat.createOpenAICompat(options);
      closers.push(() => client.close());
      return client;
    },
  },
};

/** Runs README code as an async function body: imports become reads of `modules`, `console.log` is captured. */
async function runReadmeCode(source: string): Promise<unknown[][]> {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const body = outputText.replace(
    /^import \{([^}]+)\} from '([^']+)';$/gm,
    (_line, names: string, specifier: string) => {
      expect(Object.keys(modules)).toContain(specifier);
      return `const {${names}} = modules[${JSON.stringify(specifier)}];`;
    },
  );
  expect(body).not.toMatch(/^import /m);
  const logs: unknown[][] = [];
  const fakeConsole = { log: (...values: unknown[]) => logs.push(values) };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...parameters: string[]
  ) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction('modules', 'console', body)(modules, fakeConsole);
  return logs;
}

describe('README', () => {
  it('the first example answers twice, the second time from the cache, billed zero tokens', async () => {
    vi.stubEnv('AIHUBMIX_API_KEY', testApiKey);
    vi.stubEnv('AIHUBMIX_BASE_URL', mock.gateway.nativeBaseURL);
    const logs = await runReadmeCode(codeBlocks[0]!);
    expect(mock.gateway.requests).toHaveLength(1);
    const totals = logs[0]![0] as Record<string, usageCache.UsageTotals>;
    expect(totals['gemini-2.5-flash']?.calls).toBe(2);
    expect(totals['gemini-2.5-flash']?.usage.totalTokens).toBeGreaterThan(0);
  });

  it('the responseCache example hits on the repeat and refreshes on request', async () => {
    vi.stubEnv('AIHUBMIX_API_KEY', testApiKey);
    vi.stubEnv('AIHUBMIX_BASE_URL', mock.gateway.openaiBaseURL);
    const block = codeBlocks.find((code) => code.includes('cacheControl({ refresh: true })'));
    const logs = await runReadmeCode(block!);
    expect(logs[0]![0]).toBe('hit');
    expect(logs[0]![1]).toMatchObject({ hits: 1, misses: 1 });
    expect(mock.gateway.requests).toHaveLength(2);
  });
});
