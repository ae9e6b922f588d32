import { InvalidArgumentError } from '@gemgate/core-transport';
import { startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { GoogleGenAI, type GoogleGenAIOptions } from './google-genai-compat.js';

let gateway: Awaited<ReturnType<typeof startMockGateway>>;
const clients: GoogleGenAI[] = [];

beforeAll(async () => {
  gateway = await startMockGateway({ apiKeys: ['sk-compat-key'] });
});
beforeEach(() => gateway.reset());
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await gateway.close();
});

function ai(options: GoogleGenAIOptions): GoogleGenAI {
  const client = new GoogleGenAI({ apiKey: 'sk-compat-key', env: {}, ...options });
  clients.push(client);
  return client;
}

it('takes @google/genai constructor options and talks to the gateway the same way', async () => {
  const client = ai({ httpOptions: { baseUrl: gateway.nativeBaseURL, headers: { 'x-team': 'search' } } });
  const response = await client.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Hello' });
  expect(response.text.length).toBeGreaterThan(0);
  expect(gateway.requests[0]?.headers['x-team']).toBe('search');
  expect(gateway.requests[0]?.path).toBe('/gemini/v1beta/models/gemini-2.0-flash:generateContent');
});

it('adds /gemini to a bare host, as in the first snippet of the gateway guide', async () => {
  // The guide's first snippet: http_options={"base_url": "https://aihubmix.com"}.
  const client = ai({ httpOptions: { baseUrl: gateway.url } });
  await client.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Hello' });
  expect(gateway.requests[0]?.path).toBe('/gemini/v1beta/models/gemini-2.0-flash:generateContent');
});

it('honours the top-level apiVersion, with httpOptions.apiVersion winning as in @google/genai', async () => {
  await ai({ apiVersion: 'v1', httpOptions: { baseUrl: gateway.nativeBaseURL } })
    .models.get({ model: 'gemini-2.5-flash' })
    .catch(() => undefined);
  await ai({ apiVersion: 'v1', httpOptions: { baseUrl: gateway.nativeBaseURL, apiVersion: 'v1alpha' } })
    .models.get({ model: 'gemini-2.5-flash' })
    .catch(() => undefined);
  expect(gateway.requests.map((request) => request.path)).toEqual([
    '/gemini/v1/models/gemini-2.5-flash',
    '/gemini/v1alpha/models/gemini-2.5-flash',
  ]);
});

it('maps httpOptions.retryOptions.attempts (first try included) to retries', async () => {
  gateway.scheduleFault({ fault: '503', times: 5 });
  const noRetry = ai({ httpOptions: { baseUrl: gateway.nativeBaseURL, retryOptions: { attempts: 1 } } });
  await expect(
    noRetry.models.generateContent({ model: 'gemini-2.0-flash', contents: 'hi' }),
  ).rejects.toThrow();
  expect(gateway.requests).toHaveLength(1);
  gateway.reset();
  gateway.scheduleFault({ fault: '503', times: 1 });
  const twoAttempts = ai({ httpOptions: { baseUrl: gateway.nativeBaseURL, retryOptions: { attempts: 2 } } });
  await twoAttempts.models.generateContent({ model: 'gemini-2.0-flash', contents: 'hi' });
  expect(gateway.requests).toHaveLength(2);
});

it('refuses what the gateway cannot do instead of ignoring it', () => {
  const cases: Array<[GoogleGenAIOptions, string]> = [
    [{ vertexai: true }, 'vertexai'],
    [{ enterprise: true }, 'enterprise'],
    [{ project: 'my-project' }, 'project'],
    [{ location: 'us-central1' }, 'location'],
    [{ httpOptions: { fetch: () => undefined } }, 'httpOptions.fetch'],
    [{ httpOptions: { extraBody: { labels: {} } } }, 'httpOptions.extraBody'],
  ];
  for (const [options, argument] of cases) {
    let caught: unknown;
    try {
      new GoogleGenAI({ apiKey: 'k', env: {}, ...options });
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect((caught as InvalidArgumentError).argument).toBe(argument);
  }
});
