import type { Middleware } from '@gemgate/core-transport';
import { type MockGateway, type MockGatewayOptions, startMockGateway } from '@gemgate/mock-gateway';
import { createGemini, type Gemini } from '@gemgate/native-gemini';
import { createOpenAICompat, type OpenAICompatClient } from '@gemgate/openai-compat';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export const testApiKey = 'sk-gemgate-usage-cache-test-0001';
export const otherApiKey = 'sk-gemgate-usage-cache-test-0002';

/**
 * One mock gateway for the test file, closed after it; requests are forgotten before each test.
 * `native(...)` and `openai(...)` build clients pointed at it.
 */
export function useMockGateway(options: MockGatewayOptions = {}) {
  const state: { gateway: MockGateway; closers: Array<() => Promise<void>> } = {
    gateway: undefined as unknown as MockGateway,
    closers: [],
  };
  beforeAll(async () => {
    state.gateway = await startMockGateway({ apiKeys: [testApiKey, otherApiKey], ...options });
  });
  beforeEach(() => state.gateway.reset());
  afterAll(async () => {
    await Promise.all(state.closers.map((close) => close()));
    await state.gateway.close();
  });
  return {
    get gateway() {
      return state.gateway;
    },
    native({ middleware, apiKey = testApiKey }: { middleware: Middleware[]; apiKey?: string }): Gemini {
      const client = createGemini({
        apiKey,
        baseURL: state.gateway.nativeBaseURL,
        maxRetries: 0,
        middleware,
      });
      state.closers.push(() => client.close());
      return client;
    },
    openai({
      middleware,
      apiKey = testApiKey,
    }: {
      middleware: Middleware[];
      apiKey?: string;
    }): OpenAICompatClient {
      const client = createOpenAICompat({
        apiKey,
        baseURL: state.gateway.openaiBaseURL,
        maxRetries: 0,
        middleware,
      });
      state.closers.push(() => client.close());
      return client;
    },
  };
}
