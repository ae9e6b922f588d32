/**
 * Migration is meant to be an import change: the same constructor options and the same calls,
 * through `@google/genai` and through our `GoogleGenAI`, must put the same requests on the wire.
 * `@google/genai` is a dev dependency of this package, for this test only.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { GoogleGenAI } from '../src/index.js';
import { apiKey, useGateway } from './gateway.js';

const { gateway } = useGateway();

// Loaded untyped: the test drives both clients through one options object.
const official: any = await import('@google/genai');

const ours: GoogleGenAI[] = [];
afterAll(async () => {
  await Promise.all(ours.map((client) => client.close()));
});

/** Both clients, built from one options object exactly as a user would write it. */
function bothClients(headers: Record<string, string> = {}) {
  const options = { apiKey, httpOptions: { baseUrl: gateway().nativeBaseURL, headers } };
  const client = new GoogleGenAI({ ...options, env: {}, logger: { debug: () => {}, warn: () => {} } });
  ours.push(client);
  return { official: new official.GoogleGenAI(options), ours: client };
}

/**
 * The one harmless way the official client's bodies differ, undone so everything else must
 * match: it sends an empty `generationConfig: {}` when every config field is top-level.
 */
function withoutKnownDifferences(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const { generationConfig, ...rest } = body as Record<string, unknown>;
  if (generationConfig === undefined || Object.keys(generationConfig as object).length === 0) return rest;
  return { ...rest, generationConfig };
}

/** What the gateway saw, without the headers each client sets on its own (user agent, ...). */
function lastRequests(count: number) {
  return gateway()
    .requests.slice(-count)
    .map(({ method, path, query, body }) => ({ method, path, query, body: withoutKnownDifferences(body) }));
}

beforeEach(() => gateway().reset());

describe('the same calls through @google/genai and through our GoogleGenAI', () => {
  it('generateContent: same path and body for the seed-shaped config', async () => {
    const clients = bothClients();
    const call = {
      model: 'gemini-2.5-flash',
      contents: [
        {
          role: 'user',
          parts: [
            { text: 'Describe the image.' },
            { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
          ],
        },
      ],
      config: {
        systemInstruction: 'You are a helpful assistant that can describe images.',
        maxOutputTokens: 768,
        temperature: 0.1,
        topP: 0.9,
        stopSequences: ['END'],
        thinkingConfig: { thinkingBudget: 0, includeThoughts: false },
        mediaResolution: 'MEDIA_RESOLUTION_MEDIUM',
        safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }],
      },
    };
    const theirs = await clients.official.models.generateContent(call);
    const mine = await clients.ours.models.generateContent(call);
    const [sentByOfficial, sentByOurs] = lastRequests(2);
    expect(sentByOurs).toEqual(sentByOfficial);
    expect(mine.text).toBe(theirs.text);
    expect(mine.usageMetadata).toEqual(theirs.usageMetadata);
  });

  it('generateContent with tools and a string: same body, same function calls', async () => {
    const clients = bothClients();
    const call = {
      model: 'gemini-2.5-flash',
      contents: 'Please call get_weather for Paris',
      config: {
        tools: [
          {
            functionDeclarations: [
              {
                name: 'get_weather',
                description: 'Weather of a city',
                parameters: { type: 'OBJECT', properties: { city: { type: 'STRING' } }, required: ['city'] },
              },
            ],
          },
        ],
        toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
      },
    };
    const theirs = await clients.official.models.generateContent(call);
    const mine = await clients.ours.models.generateContent(call);
    const [sentByOfficial, sentByOurs] = lastRequests(2);
    expect(sentByOurs).toEqual(sentByOfficial);
    expect(mine.functionCalls?.map(({ name, args }) => ({ name, args }))).toEqual(
      theirs.functionCalls?.map(({ name, args }: { name: string; args: unknown }) => ({ name, args })),
    );
    const plain = await clients.official.models.generateContent({
      model: 'gemini-2.0-flash',
      contents: 'hi',
    });
    expect(plain.functionCalls).toBeUndefined();
    expect(
      (await clients.ours.models.generateContent({ model: 'gemini-2.0-flash', contents: 'hi' }))
        .functionCalls,
    ).toBe(plain.functionCalls);
  });

  it('generateContentStream: same request, same text', async () => {
    const clients = bothClients();
    const call = {
      model: 'gemini-2.5-flash',
      contents: 'How is the "Rule of 72" derived?',
      config: { thinkingConfig: { includeThoughts: true } },
    };
    let theirText = '';
    for await (const chunk of await clients.official.models.generateContentStream(call))
      theirText += chunk.text ?? '';
    let ourText = '';
    for await (const chunk of await clients.ours.models.generateContentStream(call)) ourText += chunk.text;
    const [sentByOfficial, sentByOurs] = lastRequests(2);
    expect(sentByOurs).toEqual(sentByOfficial);
    expect(ourText).toBe(theirText);
  });

  it('countTokens: same request', async () => {
    const clients = bothClients();
    const call = { model: 'gemini-2.5-flash', contents: 'one two three four' };
    const theirs = await clients.official.models.countTokens(call);
    const mine = await clients.ours.models.countTokens(call);
    const [sentByOfficial, sentByOurs] = lastRequests(2);
    expect(sentByOurs).toEqual(sentByOfficial);
    expect(mine.totalTokens).toBe(theirs.totalTokens);
  });

  it('caches.create and a call that uses the cache: same requests', async () => {
    const clients = bothClients();
    const document = 'The quick brown fox jumps over the lazy dog. '.repeat(200);
    for (const client of [clients.official, clients.ours]) {
      const cache = await client.caches.create({
        model: 'gemini-2.5-flash',
        config: { contents: document, systemInstruction: 'Answer from the document.', ttl: '300s' },
      });
      await client.models.generateContent({
        model: 'gemini-2.5-flash',
        contents: 'Summarise it',
        config: { cachedContent: cache.name, temperature: 0 },
      });
    }
    const [createdByOfficial, usedByOfficial, createdByOurs, usedByOurs] = lastRequests(4);
    expect(createdByOurs).toEqual(createdByOfficial);
    expect({ ...usedByOurs, body: { ...(usedByOurs?.body as object), cachedContent: 'x' } }).toEqual({
      ...usedByOfficial,
      body: { ...(usedByOfficial?.body as object), cachedContent: 'x' },
    });
  });

  it('chats: the second turn carries the same history, thought signatures in place', async () => {
    const clients = bothClients();
    const tools = [
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            description: 'Weather of a city',
            parameters: { type: 'OBJECT', properties: { city: { type: 'STRING' } }, required: ['city'] },
          },
        ],
      },
    ];
    for (const client of [clients.official, clients.ours]) {
      const chat = client.chats.create({ model: 'gemini-3-pro-preview', config: { tools } });
      await chat.sendMessage({ message: 'Call get_weather for Paris' });
      await chat.sendMessage({
        message: { functionResponse: { name: 'get_weather', response: { temperature: 21 } } },
      });
    }
    const [, secondByOfficial, , secondByOurs] = lastRequests(4);
    expect(secondByOurs).toEqual(secondByOfficial);
  });
});
