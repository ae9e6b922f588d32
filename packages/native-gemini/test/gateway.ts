import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createGemini, type Gemini, type GeminiOptions } from '../src/index.js';

export const apiKey = 'sk-test-native-0123456789abcdef';

/** Starts one mock gateway for the test file and gives a client factory pointed at it. */
export function useGateway(): {
  gateway: () => MockGateway;
  client: (options?: GeminiOptions) => Gemini;
} {
  let gateway: MockGateway | undefined;
  const clients: Gemini[] = [];
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
  return {
    gateway: () => gateway!,
    client: (options = {}) => {
      const client = createGemini({
        apiKey,
        baseURL: gateway!.nativeBaseURL,
        logger: { debug: () => {}, warn: () => {} },
        env: {},
        ...options,
      });
      clients.push(client);
      return client;
    },
  };
}
