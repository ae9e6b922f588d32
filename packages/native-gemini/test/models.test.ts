import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createGemini } from '../src/index.js';
import { apiKey, useGateway } from './gateway.js';

const { gateway, client } = useGateway();

describe('models.generateContent against the mock gateway', () => {
  it('sends the native request with the goog key only and reads text and usage', async () => {
    const gemini = client();
    const response = await gemini.models.generateContent({
      model: 'gemini-2.0-flash',
      contents: "How do I know I'm not wasting time?",
    });
    expect(response.text.length).toBeGreaterThan(0);
    expect(response.functionCalls).toBeUndefined();
    expect(response.finishReason).toBe('STOP');
    expect(response.usage.inputTokens).toBeGreaterThan(0);
    expect(response.usage.totalTokens).toBe(
      response.usage.inputTokens + response.usage.outputTokens + response.usage.toolUseInputTokens,
    );
    const [request] = gateway().requests;
    expect(request?.path).toBe('/gemini/v1beta/models/gemini-2.0-flash:generateContent');
    expect(request?.headers['x-goog-api-key']).toBe(apiKey);
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: "How do I know I'm not wasting time?" }] }],
    });
  });

  it('does not add v1beta twice when the base URL already ends with it', async () => {
    const gemini = client({ baseURL: `${gateway().nativeBaseURL}/v1beta` });
    await gemini.models.generateContent({ model: 'models/gemini-2.0-flash', contents: 'hi' });
    expect(gateway().requests[0]?.path).toBe('/gemini/v1beta/models/gemini-2.0-flash:generateContent');
  });

  it('returns thoughts apart from text, and reasoning tokens inside output', async () => {
    const response = await client().models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Explain Occam’s razor',
      config: { thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 } },
    });
    expect(response.thoughts.length).toBeGreaterThan(0);
    expect(response.text).not.toContain(response.thoughts);
    const metadata = response.usageMetadata!;
    expect(response.usage.reasoningTokens).toBe(Number(metadata.thoughtsTokenCount));
    expect(response.usage.outputTokens).toBe(
      Number(metadata.candidatesTokenCount) + Number(metadata.thoughtsTokenCount),
    );
  });

  it('answers a function call with arguments when a declared function is named', async () => {
    const response = await client().models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Please call get_weather for Paris',
      config: {
        tools: [
          {
            functionDeclarations: [
              {
                name: 'get_weather',
                description: 'Weather of a city',
                parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
              },
            ],
          },
        ],
      },
    });
    const [call] = response.functionCalls ?? [];
    expect(response.functionCalls).toHaveLength(1);
    expect(call?.name).toBe('get_weather');
    expect(typeof call?.args.city).toBe('string');
  });

  it('returns structured output validated by the zod schema', async () => {
    const schema = z.object({ title: z.string(), year: z.number().int(), tags: z.array(z.string()) });
    const response = await client().models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'A film as JSON',
      config: { responseSchema: schema },
    });
    const parsed = response.parsed as z.infer<typeof schema>;
    expect(schema.parse(parsed)).toEqual(parsed);
    expect(gateway().requests[0]?.body).toMatchObject({
      generationConfig: { responseMimeType: 'application/json', responseSchema: { type: 'object' } },
    });
  });

  it('takes a zod schema as responseJsonSchema, and validates parsed with it', async () => {
    // (Recursion, the reason to prefer this field, is covered by the unit tests: the mock
    // gateway does not follow $ref when it invents an answer.)
    const schema = z.object({ title: z.string(), pages: z.number().int() });
    const response = await client().models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'A book as JSON',
      config: { responseJsonSchema: schema },
    });
    expect(schema.parse(response.parsed)).toEqual(response.parsed);
    const sent = gateway().requests[0]?.body as { generationConfig: Record<string, unknown> };
    expect(sent.generationConfig).toEqual({
      responseMimeType: 'application/json',
      responseJsonSchema: {
        type: 'object',
        properties: { title: { type: 'string' }, pages: { type: 'integer' } },
        required: ['title', 'pages'],
        additionalProperties: false,
      },
    });
  });

  it('pairs code execution parts', async () => {
    const response = await client().models.generateContent({
      model: 'gemini-2.0-flash',
      contents: 'Compute the mean of 1,2,3 with code',
      config: { tools: [{ codeExecution: {} }] },
    });
    expect(response.codeExecutions.length).toBeGreaterThan(0);
    expect(response.codeExecutions[0]?.code).toBeTruthy();
    expect(response.codeExecutions[0]?.results.length).toBeGreaterThan(0);
  });

  it('exposes a prompt block: promptFeedback.blockReason and no candidates', async () => {
    const response = await client({ headers: { 'x-mock-prompt-block': 'SAFETY' } }).models.generateContent({
      model: 'gemini-2.0-flash',
      contents: 'x',
    });
    expect(response.promptFeedback?.blockReason).toBe('SAFETY');
    expect(response.candidates).toBeUndefined();
    expect(response.text).toBe('');
  });
});

describe('models.countTokens, get, list, embedContent', () => {
  it('counts tokens, with the whole request when config is given', async () => {
    const gemini = client();
    const plain = await gemini.models.countTokens({
      model: 'gemini-2.5-flash',
      contents: 'one two three four',
    });
    expect(plain.totalTokens).toBeGreaterThan(0);
    const withSystem = await gemini.models.countTokens({
      model: 'gemini-2.5-flash',
      contents: 'one two three four',
      config: { systemInstruction: 'You are a very careful and detailed assistant that answers well.' },
    });
    expect(withSystem.totalTokens).toBeGreaterThan(plain.totalTokens);
    expect(gateway().requests[1]?.body).toHaveProperty(
      'generateContentRequest.model',
      'models/gemini-2.5-flash',
    );
  });

  it('gets one model and 404s for an unknown one', async () => {
    const gemini = client();
    const model = await gemini.models.get({ model: 'gemini-2.5-flash' });
    expect(model.name).toBe('models/gemini-2.5-flash');
    await expect(gemini.models.get({ model: 'gemini-0-nope' })).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('lists every model across pages, lazily', async () => {
    const pager = await client().models.list({ config: { pageSize: 2 } });
    expect(pager.page).toHaveLength(2);
    expect(pager.hasNextPage()).toBe(true);
    expect(gateway().requests).toHaveLength(1);
    const names: string[] = [];
    for await (const model of pager) names.push(model.name);
    expect(names).toContain('models/gemini-2.5-pro');
    expect(new Set(names).size).toBe(names.length);
    expect(gateway().requests.length).toBe(Math.ceil(names.length / 2));
  });

  it('embeds one content and several', async () => {
    const gemini = client();
    const one = await gemini.models.embedContent({ model: 'gemini-embedding-001', contents: 'hello' });
    expect(one.embeddings).toHaveLength(1);
    expect(one.embeddings[0]?.values.length).toBe(768);
    const two = await gemini.models.embedContent({
      model: 'gemini-embedding-001',
      contents: ['a', 'b'],
      config: { outputDimensionality: 8 },
    });
    expect(two.embeddings.map((embedding) => embedding.values.length)).toEqual([8, 8]);
    expect(gateway().requests.map((request) => request.path)).toEqual([
      '/gemini/v1beta/models/gemini-embedding-001:embedContent',
      '/gemini/v1beta/models/gemini-embedding-001:batchEmbedContents',
    ]);
  });

  it('refuses an empty list to embed, before sending', async () => {
    await expect(
      client().models.embedContent({ model: 'gemini-embedding-001', contents: [] }),
    ).rejects.toSatisfy((error) => InvalidArgumentError.isInstance(error) && error.argument === 'contents');
    expect(gateway().requests).toHaveLength(0);
  });
});

describe('client options', () => {
  it('defaults to the gateway at https://aihubmix.com/gemini, and takes the base URL from AIHUBMIX_BASE_URL', async () => {
    const defaults = createGemini({ apiKey: 'k', env: {} });
    const fromEnv = createGemini({ apiKey: 'k', env: { AIHUBMIX_BASE_URL: 'https://api.aihubmix.com' } });
    try {
      expect(defaults.transport.baseURL).toBe('https://aihubmix.com/gemini');
      expect(fromEnv.transport.baseURL).toBe('https://api.aihubmix.com/gemini');
    } finally {
      await Promise.all([defaults.close(), fromEnv.close()]);
    }
  });

  it('sends appCode as APP-Code, client headers, and per-call headers', async () => {
    const gemini = client({ appCode: 'partner-42', headers: { 'x-team': 'search' } });
    await gemini.models.generateContent({
      model: 'gemini-2.0-flash',
      contents: 'hi',
      config: { httpOptions: { headers: { 'x-call': 'one' } } },
    });
    const headers = gateway().requests[0]?.headers ?? {};
    expect(headers['app-code']).toBe('partner-42');
    expect(headers['x-team']).toBe('search');
    expect(headers['x-call']).toBe('one');
  });
});
