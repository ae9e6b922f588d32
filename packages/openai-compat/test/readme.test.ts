/**
 * The README's code runs: its first block (the five-line example) and the streaming /
 * `zodResponseFormat` block after it are taken from the file as written, stripped of types,
 * and run against the mock gateway with only the environment changed.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as zod from 'zod';
import * as openaiCompat from '../src/index.js';
import { testApiKey, useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const codeBlocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
const clients: openaiCompat.OpenAICompatClient[] = [];

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

/** What the README's code can import, as it names it; clients are recorded to be closed. */
const modules: Record<string, Record<string, unknown>> = {
  '@gemgate/openai-compat': {
    ...openaiCompat,
    createOpenAICompat: (options?: openaiCompat.OpenAICompatOptions) => {
      const client = openaiCompat.createOpenAICompat(options);
      clients.push(client);
      return client;
    },
  },
  zod,
};

/**
 * Runs README code as an async function body: `import { a } from 'x'` lines become reads of
 * `modules`, `console.log` and `process.stdout.write` are captured.
 */
async function runReadmeCode(source: string): Promise<{ logs: unknown[][]; written: string }> {
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
  let written = '';
  const fakeConsole = { log: (...values: unknown[]) => logs.push(values) };
  const fakeProcess = { stdout: { write: (text: string) => (written += text) } };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...parameters: string[]
  ) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction('modules', 'console', 'process', body)(modules, fakeConsole, fakeProcess);
  return { logs, written };
}

function pointEnvironmentAtMock() {
  // The example reads its key and (here) its base URL from the environment, as a user's would.
  vi.stubEnv('AIHUBMIX_API_KEY', testApiKey);
  vi.stubEnv('AIHUBMIX_BASE_URL', mock.gateway.openaiBaseURL);
}

describe('README', () => {
  it('starts with a five-line example', () => {
    expect(readme.trimStart().split('\n')[2]).toBe('```ts');
    expect(codeBlocks[0]!.trimEnd().split('\n')).toHaveLength(5);
  });

  it('runs the five-line example against the mock gateway', async () => {
    pointEnvironmentAtMock();
    const { logs } = await runReadmeCode(codeBlocks[0]!);
    expect(logs).toHaveLength(1);
    const [text, inputTokens, outputTokens] = logs[0]!;
    expect(typeof text).toBe('string');
    expect((text as string).length).toBeGreaterThan(20);
    expect(inputTokens).toBeGreaterThan(0);
    expect(outputTokens).toBeGreaterThan(0);
    const request = mock.gateway.requests.at(-1)!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${testApiKey}`);
  });

  it('runs the streaming and zodResponseFormat example after it', async () => {
    pointEnvironmentAtMock();
    const streaming = codeBlocks.find((block) => block.includes('zodResponseFormat'))!;
    // The block continues the five-line example (`client`, `messages`); imports go first.
    const imports = (code: string) => code.split('\n').filter((line) => line.startsWith('import '));
    const rest = (code: string) => code.split('\n').filter((line) => !line.startsWith('import '));
    const source = [
      ...imports(codeBlocks[0]!),
      ...imports(streaming),
      ...rest(codeBlocks[0]!),
      ...rest(streaming),
    ].join('\n');
    // One line added to look at what the block computed.
    const { logs, written } = await runReadmeCode(`${source}\nconsole.log(usage, reasoning, plan.parsed);`);
    expect(written.length).toBeGreaterThan(20);
    const [usage, reasoning, parsed] = logs.at(-1) as [
      openaiCompat.ChatCompletionResult['usage'],
      string,
      unknown,
    ];
    expect(usage?.outputTokens).toBeGreaterThan(0);
    expect(reasoning.length).toBeGreaterThan(0);
    expect(parsed).toEqual({ topic: expect.any(String), attendees: expect.any(Array) });
    const [streamed, plan] = mock.gateway.requests.slice(-2);
    expect(streamed!.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      reasoning_effort: 'low',
    });
    expect(plan!.body).toMatchObject({ response_format: { type: 'json_schema' } });
  });
});
