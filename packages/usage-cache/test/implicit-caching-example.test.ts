import { expect, it } from 'vitest';
import { run } from '../examples/implicit-caching.js';
import { testApiKey, useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();

it('the guide’s implicit-caching twin prints the hit, the cached tokens and the savings', async () => {
  const lines: string[] = [];
  await run({ baseURL: mock.gateway.nativeBaseURL, apiKey: testApiKey, log: (line) => lines.push(line) });
  expect(lines).toHaveLength(5);
  expect(lines[1]).toMatch(/^cache miss: 0 of \d+ input tokens cached$/);
  expect(lines[2]).toContain('cachedContentTokenCount');
  const hit = /^cache hit: (\d+) of (\d+) input tokens cached$/.exec(lines[3]!);
  expect(hit).not.toBeNull();
  const cached = Number(hit![1]);
  expect(cached).toBeGreaterThan(3000);
  // Savings: cached tokens × (input − cached price) of 2.5 Flash = cached × 0.225 per million.
  const savings = ((cached * 0.225) / 1e6).toFixed(6);
  expect(lines[4]).toBe(
    `gemini-2.5-flash-preview-05-20: hit rate 50%, cached tokens ${cached}, savings $${savings}`,
  );
});
