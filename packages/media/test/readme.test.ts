/**
 * The README's code runs: its first block (the five-line example) and the OpenAI-route block
 * are taken from the file as written, stripped of types, and run against the mock gateway with
 * only the environment and the file paths changed.
 */
import { readFileSync } from 'node:fs';
import * as nativeGemini from '@gemgate/native-gemini';
import * as openaiCompat from '@gemgate/openai-compat';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSamplePng } from '../examples/make-sample-png.js';
import * as media from '../src/index.js';
import { mediaBytes, useTemporaryDirectory } from './fixtures.js';
import { apiKey, useGateway } from './use-gateway.js';

const { gateway } = useGateway();
const files = useTemporaryDirectory();
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const codeBlocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
const clients: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

/** What the README's code can import, as it names it; clients are recorded to be closed. */
const modules: Record<string, Record<string, unknown>> = {
  '@gemgate/media': media,
  '@gemgate/native-gemini': {
    ...nativeGemini,
    createGemini: (options?: nativeGemini.GeminiOptions) => {
      const client = nativeGemini.createGemini(options);
      clients.push(client);
      return client;
    },
  },
  '@gemgate/openai-compat': {
    ...openaiCompat,
    createOpenAICompat: (options?: openaiCompat.OpenAICompatOptions) => {
      const client = openaiCompat.createOpenAICompat(options);
      clients.push(client);
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
  it('starts with a five-line example', () => {
    expect(readme.trimStart().split('\n')[2]).toBe('```ts');
    expect(codeBlocks[0]!.trimEnd().split('\n')).toHaveLength(5);
  });

  it('runs the five-line example against the mock gateway', async () => {
    vi.stubEnv('AIHUBMIX_API_KEY', apiKey);
    vi.stubEnv('AIHUBMIX_BASE_URL', gateway().nativeBaseURL);
    const png = makeSamplePng({ width: 8, height: 8 });
    const path = files.write('photo.png', png);
    const logs = await runReadmeCode(codeBlocks[0]!.replace("'photo.png'", JSON.stringify(path)));
    expect(logs).toHaveLength(1);
    expect((logs[0]![0] as string).length).toBeGreaterThan(0);
    const body = gateway().requests.at(-1)!.body as Record<string, any>;
    expect(Buffer.from(body.contents[0].parts[0].inlineData.data, 'base64').equals(png)).toBe(true);
    expect(body.contents[0].parts[1]).toEqual({ text: 'Describe the image.' });
  });

  it('runs the OpenAI-route example', async () => {
    vi.stubEnv('AIHUBMIX_API_KEY', apiKey);
    vi.stubEnv('AIHUBMIX_BASE_URL', gateway().openaiBaseURL);
    const pdf = mediaBytes({ kind: 'pdf', byteLength: 3_000 });
    const path = files.write('report.pdf', pdf);
    const block = codeBlocks.find((code) => code.includes('toOpenAIPart()'))!;
    await runReadmeCode(block.replace("'report.pdf'", JSON.stringify(path)));
    const body = gateway().requests.at(-1)!.body as Record<string, any>;
    expect(body.messages[0].content[0]).toMatchObject({ type: 'file', file: { filename: 'report.pdf' } });
    const url: string = body.messages[0].content[0].file.file_data;
    expect(Buffer.from(url.slice('data:application/pdf;base64,'.length), 'base64').equals(pdf)).toBe(true);
  });
});
