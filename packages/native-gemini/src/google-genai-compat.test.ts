import { InvalidArgumentError } from '@gemgate/core-transport';
import { startMockGateway } from '@gemgate/mock-gateway';
import { expect, it } from 'vitest';
import { GoogleGenAI } from './google-genai-compat.js';

it('takes @google/genai constructor options and talks to the gateway the same way', async () => {
  const gateway = await startMockGateway({ apiKeys: ['sk-compat-key'] });
  const ai = new GoogleGenAI({
    apiKey: 'sk-compat-key',
    httpOptions: { baseUrl: gateway.nativeBaseURL, headers: { 'x-team': 'search' } },
    env: {},
  });
  try {
    const response = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Hello' });
    expect(response.text.length).toBeGreaterThan(0);
    expect(gateway.requests[0]?.headers['x-team']).toBe('search');
    expect(gateway.requests[0]?.path).toBe('/gemini/v1beta/models/gemini-2.0-flash:generateContent');
  } finally {
    await ai.close();
    await gateway.close();
  }
});

it('refuses vertexai, which the gateway cannot reach', () => {
  expect(() => new GoogleGenAI({ apiKey: 'k', vertexai: true })).toThrow(InvalidArgumentError);
});
