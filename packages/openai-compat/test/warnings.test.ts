import { afterEach, expect, it, vi } from 'vitest';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
afterEach(() => vi.restoreAllMocks());

/** A budget on 2.5 Pro: accepted, with the gateway's advice against it as a warning (as on the native route). */
async function createWithBudget(client: ReturnType<typeof mock.client>, budget: number) {
  await client.chat.completions.create({
    model: 'gemini-2.5-pro',
    messages: [{ role: 'user', content: 'Hi' }],
    extra_body: { google: { thinking_config: { thinking_budget: budget } } },
  });
}

it('prints a warning once through console.warn when no logger is given, as the native client does', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const client = mock.client();
  await createWithBudget(client, 1024);
  await createWithBudget(client, 1024);
  // The 2.5 deprecation note and the budget advice, each once for the client.
  expect(warn).toHaveBeenCalledTimes(2);
  expect(warn.mock.calls[0]?.[0]).toMatch(/^\[gemgate\] gemini-2.5-pro: Google has retired/);
  expect(warn.mock.calls[1]?.[0]).toMatch(/^\[gemgate\] The gateway advises not to set thinkingBudget/);
});

it('gives the configured logger each distinct warning once per client', async () => {
  const warnings: string[] = [];
  const client = mock.client({ logger: { debug: () => {}, warn: (message) => warnings.push(message) } });
  await createWithBudget(client, 1024);
  await createWithBudget(client, 2048);
  expect(warnings).toHaveLength(2);
});
