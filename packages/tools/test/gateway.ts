import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { createGemini, type Gemini } from '@gemgate/native-gemini';
import { createOpenAICompat, type OpenAICompatClient } from '@gemgate/openai-compat';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export const apiKey = 'sk-test-tools-0123456789abcdef';

export type Route = 'native' | 'openai';

/** Starts one mock gateway for the test file and gives a client of either route pointed at it. */
export function useGateway(): {
  gateway: () => MockGateway;
  client: (options: { route: Route; headers?: Record<string, string> }) => Gemini | OpenAICompatClient;
  gemini: (options?: { headers?: Record<string, string> }) => Gemini;
} {
  let gateway: MockGateway | undefined;
  const clients: Array<{ close(): Promise<void> }> = [];
  beforeAll(async () => {
    gateway = await startMockGateway({ apiKeys: [apiKey] });
  });
  beforeEach(() => {
    gateway?.reset();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await gateway?.close();
  });
  const gemini = ({ headers = {} }: { headers?: Record<string, string> } = {}) => {
    const made = createGemini({
      apiKey,
      baseURL: gateway!.nativeBaseURL,
      headers,
      logger: { debug: () => {}, warn: () => {} },
      env: {},
    });
    clients.push(made);
    return made;
  };
  return {
    gateway: () => gateway!,
    gemini,
    client: ({ route, headers = {} }) => {
      if (route === 'native') return gemini({ headers });
      const made = createOpenAICompat({
        apiKey,
        baseURL: gateway!.openaiBaseURL,
        headers,
        logger: { debug: () => {}, warn: () => {} },
        env: {},
      });
      clients.push(made);
      return made;
    },
  };
}
