import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createOpenAICompat, type OpenAICompatClient, type OpenAICompatOptions } from '../src/index.js';

export const testApiKey = 'sk-gemgate-test-0123456789abcdef';

/**
 * Starts one mock gateway for the test file, closed after it; requests are forgotten before
 * each test. `client(options)` builds a client pointed at it.
 */
export function useMockGateway() {
  const state: { gateway: MockGateway; clients: OpenAICompatClient[] } = {
    gateway: undefined as unknown as MockGateway,
    clients: [],
  };
  beforeAll(async () => {
    state.gateway = await startMockGateway({ apiKeys: [testApiKey] });
  });
  beforeEach(() => state.gateway.reset());
  afterAll(async () => {
    await Promise.all(state.clients.map((client) => client.close()));
    await state.gateway.close();
  });
  return {
    get gateway() {
      return state.gateway;
    },
    /** The body of the last chat request the gateway received. */
    lastBody(): Record<string, any> {
      return state.gateway.requests.at(-1)?.body as Record<string, any>;
    },
    client(options: OpenAICompatOptions = {}): OpenAICompatClient {
      const client = createOpenAICompat({
        apiKey: testApiKey,
        baseURL: state.gateway.openaiBaseURL,
        maxRetries: 0,
        ...options,
      });
      state.clients.push(client);
      return client;
    },
  };
}
