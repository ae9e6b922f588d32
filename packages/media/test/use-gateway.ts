import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { createGemini, type Gemini, type GeminiOptions } from '@gemgate/native-gemini';
import {
  createOpenAICompat,
  type OpenAICompatClient,
  type OpenAICompatOptions,
} from '@gemgate/openai-compat';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export const apiKey = 'sk-test-media-0123456789abcdef';

/** One mock gateway per test file, closed after it, with a client of each route pointed at it. */
export function useGateway(): {
  gateway: () => MockGateway;
  gemini: (options?: GeminiOptions) => Gemini;
  openai: (options?: OpenAICompatOptions) => OpenAICompatClient;
} {
  let gateway: MockGateway | undefined;
  const clients: Array<{ close(): Promise<void> }> = [];
  beforeAll(async () => {
    gateway = await startMockGateway({ apiKeys: [apiKey] });
  });
  beforeEach(() => gateway?.reset());
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await gateway?.close();
  });
  return {
    gateway: () => gateway!,
    gemini: (options = {}) => {
      const client = createGemini({
        apiKey,
        baseURL: gateway!.nativeBaseURL,
        logger: { debug: () => {}, warn: () => {} },
        env: {},
        maxRetries: 0,
        ...options,
      });
      clients.push(client);
      return client;
    },
    openai: (options = {}) => {
      const client = createOpenAICompat({
        apiKey,
        baseURL: gateway!.openaiBaseURL,
        maxRetries: 0,
        ...options,
      });
      clients.push(client);
      return client;
    },
  };
}

/** The decoded bytes of the first inline part of a recorded native request. */
export function sentInlineBytes({ body }: { body: unknown }): Buffer {
  const contents = (body as { contents: Array<{ parts: Array<{ inlineData?: { data: string } }> }> })
    .contents;
  const part = contents.flatMap((content) => content.parts).find((each) => each.inlineData !== undefined);
  return Buffer.from(part!.inlineData!.data, 'base64');
}
