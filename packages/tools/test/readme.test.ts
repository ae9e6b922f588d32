/**
 * Runs the README's code against the mock gateway: the first example, then the streaming
 * example after it (which reuses its `getWeather`), with the client pointed at the mock through
 * `AIHUBMIX_BASE_URL`. Imports are replaced by the packages themselves.
 */
import { readFile } from 'node:fs/promises';
import { createGemini } from '@gemgate/native-gemini';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import * as tools from '../src/index.js';
import { apiKey, useGateway } from './gateway.js';

const { gateway } = useGateway();

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...parameters: string[]
) => (...values: unknown[]) => Promise<void>;

async function readmeBlocks(): Promise<string[]> {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

async function run(code: string): Promise<{ logged: unknown[][]; written: string[] }> {
  const logged: unknown[][] = [];
  const written: string[] = [];
  const fakeConsole = { ...console, log: (...values: unknown[]) => logged.push(values) };
  const fakeProcess = { env: process.env, stdout: { write: (text: string) => written.push(text) } };
  const body = code.replace(/^import .*$/gm, '');
  await new AsyncFunction('createGemini', 'defineTool', 'runTools', 'z', 'console', 'process', body)(
    createGemini,
    tools.defineTool,
    tools.runTools,
    z,
    fakeConsole,
    fakeProcess,
  );
  return { logged, written };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the README', () => {
  it('runs the first example: the tool called, the loop ending with the answer about it', async () => {
    vi.stubEnv('AIHUBMIX_API_KEY', apiKey);
    vi.stubEnv('AIHUBMIX_BASE_URL', gateway().nativeBaseURL);
    const [first] = await readmeBlocks();
    const { logged } = await run(first!);
    expect(logged).toHaveLength(1);
    const [text, totalTokens] = logged[0] as [string, number];
    expect(text).toMatch(/^Based on the result, get_weather returned \{"output":\{"city":/);
    expect(totalTokens).toBeGreaterThan(0);
    expect(gateway().requests.map((request) => request.path)).toEqual([
      '/gemini/v1beta/models/gemini-2.5-flash:generateContent',
      '/gemini/v1beta/models/gemini-2.5-flash:generateContent',
    ]);
  });

  it('runs the streaming example after it', async () => {
    vi.stubEnv('AIHUBMIX_API_KEY', apiKey);
    vi.stubEnv('AIHUBMIX_BASE_URL', gateway().nativeBaseURL);
    const blocks = await readmeBlocks();
    const streaming = blocks.find((block) => block.includes('stream: true'))!;
    const { logged, written } = await run(`${blocks[0]}\n${streaming}`);
    expect(written.join('')).toMatch(/^Based on the result, get_weather returned/);
    expect(logged.slice(1)).toEqual([['get_weather', { city: expect.any(String), celsius: 21 }], [2]]);
  });
});
