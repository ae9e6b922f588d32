import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGemini, type Gemini } from './create-gemini.js';

const apiKey = 'sk-headers-key-0123456789';
let gateway: MockGateway;
let client: Gemini;

beforeAll(async () => {
  gateway = await startMockGateway({ apiKeys: [apiKey] });
  client = createGemini({ apiKey, baseURL: gateway.nativeBaseURL, env: {} });
});
afterAll(async () => {
  await client.close();
  await gateway.close();
});

it('gives countTokens and embedContent answers their HTTP headers, as @google/genai does', async () => {
  const counted = await client.models.countTokens({ model: 'gemini-2.5-flash', contents: 'Hello' });
  expect(counted.sdkHttpResponse.headers['content-type']).toMatch(/application\/json/);
  const embedded = await client.models.embedContent({ model: 'gemini-embedding-001', contents: ['a', 'b'] });
  expect(embedded.sdkHttpResponse.headers['content-type']).toMatch(/application\/json/);
  const single = await client.models.embedContent({ model: 'gemini-embedding-001', contents: 'a' });
  expect(Object.keys(single.sdkHttpResponse.headers).length).toBeGreaterThan(0);
});
