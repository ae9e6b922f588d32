import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { createGemini, type Gemini, type GeminiOptions } from '../src/create-gemini.js';

const apiKey = 'sk-warn-once-key-0123456789';
let gateway: MockGateway;
const clients: Gemini[] = [];

beforeAll(async () => {
  gateway = await startMockGateway({ apiKeys: [apiKey] });
});
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await gateway.close();
});

function client(options: GeminiOptions = {}): Gemini {
  const created = createGemini({ apiKey, baseURL: gateway.nativeBaseURL, env: {}, ...options });
  clients.push(created);
  return created;
}

/** A budget on 2.5 Pro: accepted, with the gateway's advice against it as a warning. */
async function generateWithBudget({ gemini, thinkingBudget }: { gemini: Gemini; thinkingBudget: number }) {
  await gemini.models.generateContent({
    model: 'gemini-2.5-pro',
    contents: 'Hi',
    config: { thinkingConfig: { thinkingBudget } },
  });
}

it('gives the configured logger each distinct warning once per client', async () => {
  const warnings: string[] = [];
  const gemini = client({ logger: { debug: () => {}, warn: (message) => warnings.push(message) } });
  await generateWithBudget({ gemini, thinkingBudget: 1024 });
  await generateWithBudget({ gemini, thinkingBudget: 1024 });
  await generateWithBudget({ gemini, thinkingBudget: 2048 });
  // The 2.5 deprecation note and the budget advice, each once for the client.
  expect(warnings).toHaveLength(2);
  expect(warnings[0]).toMatch(/Google has retired the Gemini 2.5 models/);
  expect(warnings[1]).toMatch(/advises not to set thinkingBudget for gemini-2.5-pro/);

  const other: string[] = [];
  await generateWithBudget({
    gemini: client({ logger: { debug: () => {}, warn: (message) => other.push(message) } }),
    thinkingBudget: 1024,
  });
  expect(other).toHaveLength(2);
});

it('prints a warning once through console.warn when no logger is given', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const gemini = client();
  await generateWithBudget({ gemini, thinkingBudget: 1024 });
  await generateWithBudget({ gemini, thinkingBudget: 1024 });
  expect(warn).toHaveBeenCalledTimes(2);
  expect(warn.mock.calls[0]?.[0]).toMatch(/^\[gemgate\] gemini-2.5-pro: Google has retired/);
  expect(warn.mock.calls[1]?.[0]).toMatch(/^\[gemgate\] The gateway advises not to set thinkingBudget/);
});
