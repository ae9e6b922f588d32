/**
 * Runs the README's code against the mock gateway, so the example a user copies first is known
 * to work: the opening five-line example, then the streaming example after it (which reuses
 * its `gemini`). The blocks are plain JavaScript apart from the import, which is replaced by
 * the package itself.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as nativeGemini from '../src/index.js';
import { apiKey, useGateway } from './gateway.js';

const { gateway } = useGateway();

const importLine = "import { createGemini } from '@gemgate/native-gemini';";
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...parameters: string[]
) => (...values: unknown[]) => Promise<void>;

async function readmeBlocks(): Promise<{ readme: string; blocks: string[] }> {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return { readme, blocks };
}

/** Runs README code as a module body would run, with `console` and `process.stdout` captured. */
async function run(code: string): Promise<{ logged: unknown[][]; written: string[] }> {
  const logged: unknown[][] = [];
  const written: string[] = [];
  const fakeConsole = { ...console, log: (...values: unknown[]) => logged.push(values) };
  const fakeProcess = {
    env: process.env,
    stdout: { write: (text: string) => written.push(text) },
  };
  const body = code.replace(importLine, '');
  await new AsyncFunction('createGemini', 'console', 'process', body)(
    nativeGemini.createGemini,
    fakeConsole,
    fakeProcess,
  );
  return { logged, written };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the README', () => {
  it('starts with a five-line example', async () => {
    const { readme, blocks } = await readmeBlocks();
    const first = blocks[0]!;
    expect(readme.indexOf('```ts')).toBeLessThan(readme.indexOf('\n## '));
    expect(first.startsWith(`${importLine}\n`)).toBe(true);
    expect(first.trimEnd().split('\n').length).toBeLessThanOrEqual(5);
  });

  it('runs the five-line example against the gateway, with the key from AIHUBMIX_API_KEY', async () => {
    vi.stubEnv('AIHUBMIX_API_KEY', apiKey);
    vi.stubEnv('AIHUBMIX_BASE_URL', gateway().nativeBaseURL);
    const { blocks } = await readmeBlocks();
    const { logged } = await run(blocks[0]!);
    expect(logged).toHaveLength(1);
    const [text, usage] = logged[0] as [string, nativeGemini.GenerateContentResponse['usage']];
    expect(typeof text).toBe('string');
    expect(text.length).toBeGreaterThan(0);
    expect(usage.totalTokens).toBeGreaterThan(0);
    const [request] = gateway().requests;
    expect(request?.path).toBe('/gemini/v1beta/models/gemini-2.0-flash:generateContent');
    expect(request?.headers['x-goog-api-key']).toBe(apiKey);
  });

  it('runs the streaming example after it', async () => {
    vi.stubEnv('AIHUBMIX_API_KEY', apiKey);
    vi.stubEnv('AIHUBMIX_BASE_URL', gateway().nativeBaseURL);
    const { blocks } = await readmeBlocks();
    const streaming = blocks.find((block) => block.includes('generateContentStream'))!;
    const { written } = await run(`${blocks[0]}\n${streaming}`);
    expect(written.length).toBeGreaterThan(1);
    expect(written.join('').length).toBeGreaterThan(0);
    expect(gateway().requests.map((request) => request.path)).toEqual([
      '/gemini/v1beta/models/gemini-2.0-flash:generateContent',
      '/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent',
    ]);
  });
});
