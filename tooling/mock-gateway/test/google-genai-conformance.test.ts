// Points the official @google/genai client at the mock: if it parses every kind of answer,
// the mock's native wire format is right.
import {
  ApiError,
  type Content,
  createPartFromBase64,
  FunctionCallingConfigMode,
  GoogleGenAI,
  MediaResolution,
  PartMediaResolutionLevel,
  Type,
} from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockGateway, startMockGateway } from '../src/index.js';

const apiKey = 'test-key-native';
let gateway: MockGateway;
let ai: GoogleGenAI;

beforeAll(async () => {
  gateway = await startMockGateway({ apiKeys: [apiKey], implicitCacheMinTokens: 50 });
  ai = new GoogleGenAI({ apiKey, httpOptions: { baseUrl: gateway.nativeBaseURL } });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const weatherTool = {
  functionDeclarations: [
    {
      name: 'get_weather',
      description: 'Weather for a city.',
      parameters: {
        type: Type.OBJECT,
        properties: {
          city: { type: Type.STRING },
          unit: { type: Type.STRING, enum: ['celsius', 'fahrenheit'] },
          days: { type: Type.INTEGER },
        },
        required: ['city', 'unit'],
      },
    },
  ],
};

describe('@google/genai against the mock', () => {
  it('generateContent: text, usage invariants, auth header', async () => {
    const response = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Say hello' });
    expect(response.text).toMatch(/\w+/);
    const usage = response.usageMetadata!;
    expect(usage.promptTokenCount).toBe(Math.ceil('Say hello'.length / 4));
    expect(usage.totalTokenCount).toBe(usage.promptTokenCount! + usage.candidatesTokenCount!);
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
    expect(response.candidates?.[0]?.safetyRatings?.map((rating) => rating.probability)).toEqual(
      Array(4).fill('NEGLIGIBLE'),
    );
    expect(response.sdkHttpResponse?.headers?.['x-request-id']).toMatch(/^mock-\d{6}$/);
    const recorded = gateway.requests[0]!;
    expect(recorded.path).toBe('/gemini/v1beta/models/gemini-2.0-flash:generateContent');
    expect(recorded.headers['x-goog-api-key']).toBe(apiKey);
    expect(recorded.headers.authorization).toBeUndefined();
    expect(recorded.route).toBe('native');
  });

  it('is deterministic: the same request gives the same answer', async () => {
    const first = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Same question' });
    const second = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Same question' });
    const other = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Other question' });
    expect(second.text).toBe(first.text);
    expect(other.text).not.toBe(first.text);
  });

  it('generateContentStream: chunks join into the non-streamed text, last usage is final', async () => {
    const request = { model: 'gemini-2.5-flash', contents: 'Tell me a story' };
    const whole = await ai.models.generateContent(request);
    let text = '';
    let lastUsage: unknown;
    let chunks = 0;
    for await (const chunk of await ai.models.generateContentStream(request)) {
      text += chunk.text ?? '';
      lastUsage = chunk.usageMetadata;
      chunks += 1;
    }
    expect(chunks).toBeGreaterThan(1);
    expect(text).toBe(whole.text);
    expect(lastUsage).toEqual(whole.usageMetadata);
    expect(gateway.requests.at(-1)?.query.alt).toBe('sse');
  });

  it('thoughts: thought parts with includeThoughts, thoughtsTokenCount apart from candidates', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Think about it',
      config: { thinkingConfig: { includeThoughts: true, thinkingBudget: 2048 } },
    });
    const parts = response.candidates![0]!.content!.parts!;
    expect(parts[0]?.thought).toBe(true);
    expect(parts.at(-1)?.thoughtSignature).toEqual(expect.any(String));
    const usage = response.usageMetadata!;
    expect(usage.thoughtsTokenCount).toBeGreaterThan(0);
    expect(usage.totalTokenCount).toBe(
      usage.promptTokenCount! + usage.candidatesTokenCount! + usage.thoughtsTokenCount!,
    );
    // response.text leaves thoughts out, which proves the mock marks them the way the SDK expects.
    expect(response.text).not.toContain('Thinking it through');
  });

  it('thinking rules: budget 0 on 2.5 Pro is the upstream 400', async () => {
    const failure = await ai.models
      .generateContent({
        model: 'gemini-2.5-pro',
        contents: 'x',
        config: { thinkingConfig: { thinkingBudget: 0 } },
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(400);
    expect((failure as ApiError).message).toContain(
      'Budget 0 is invalid. This model only works in thinking mode.',
    );
  });

  it('function calls: a call valid against the schema, then text after the function response', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Use get_weather for Paris',
      config: { tools: [weatherTool] },
    });
    const call = response.functionCalls?.[0];
    expect(call?.name).toBe('get_weather');
    expect(call?.args).toEqual({
      city: expect.any(String),
      unit: expect.stringMatching(/^(celsius|fahrenheit)$/),
      days: expect.any(Number),
    });
    expect(Number.isInteger(call?.args?.days)).toBe(true);
    const followUp = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: [
        { role: 'user', parts: [{ text: 'Use get_weather for Paris' }] },
        response.candidates![0]!.content!,
        {
          role: 'user',
          parts: [{ functionResponse: { name: 'get_weather', response: { temperature: 21 } } }],
        },
      ],
      config: { tools: [weatherTool] },
    });
    expect(followUp.functionCalls).toBeUndefined();
    expect(followUp.text).toContain('get_weather returned {"temperature":21}');
  });

  it('function calls: a result naming another declared function gets that function called next', async () => {
    const tools = [
      {
        functionDeclarations: [
          ...weatherTool.functionDeclarations,
          {
            name: 'book_table',
            parameters: { type: Type.OBJECT, properties: { people: { type: Type.INTEGER } } },
          },
        ],
      },
    ];
    const first = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Use get_weather',
      config: { tools },
    });
    const followUp = (response: unknown) =>
      ai.models.generateContent({
        model: 'gemini-2.5-flash',
        contents: [
          { role: 'user', parts: [{ text: 'Use get_weather' }] },
          first.candidates![0]!.content!,
          {
            role: 'user',
            parts: [
              { functionResponse: { name: 'get_weather', response: response as Record<string, unknown> } },
            ],
          },
        ] satisfies Content[],
        config: { tools },
      });
    const next = await followUp({ advice: 'call book_table for a terrace' });
    expect(next.functionCalls?.map((call) => call.name)).toEqual(['book_table']);
    // Naming only the function just answered does not loop.
    const plain = await followUp({ source: 'get_weather' });
    expect(plain.functionCalls).toBeUndefined();
  });

  it('function calls: mode ANY forces a call even when the prompt names none', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-2.0-flash',
      contents: 'Hello there',
      config: {
        tools: [weatherTool],
        toolConfig: { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY } },
      },
    });
    expect(response.functionCalls?.[0]?.name).toBe('get_weather');
  });

  it('Gemini 3: the signature sent back is required in history', async () => {
    const model = 'gemini-3-pro-preview';
    const first = await ai.models.generateContent({
      model,
      contents: 'Call get_weather',
      config: { tools: [weatherTool] },
    });
    const modelTurn = first.candidates![0]!.content!;
    expect(modelTurn.parts![0]!.thoughtSignature).toEqual(expect.any(String));
    const history = (turn: typeof modelTurn) => [
      { role: 'user', parts: [{ text: 'Call get_weather' }] },
      turn,
      { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { ok: true } } }] },
    ];
    const accepted = await ai.models.generateContent({
      model,
      contents: history(modelTurn),
      config: { tools: [weatherTool] },
    });
    expect(accepted.text).toContain('get_weather returned');
    const stripped = {
      ...modelTurn,
      parts: modelTurn.parts!.map(({ thoughtSignature: _, ...part }) => part),
    };
    const failure = await ai.models
      .generateContent({ model, contents: history(stripped), config: { tools: [weatherTool] } })
      .catch((error: unknown) => error);
    expect((failure as ApiError).status).toBe(400);
    expect((failure as ApiError).message).toContain('thought_signature');
  });

  it('code execution: executableCode and codeExecutionResult parts around text, in a stream too', async () => {
    const request = {
      model: 'gemini-2.5-flash',
      contents: 'Add 2, 3 and 37 with code',
      config: { tools: [{ codeExecution: {} }] },
    };
    const response = await ai.models.generateContent(request);
    expect(response.executableCode).toContain('print(sum(numbers))');
    expect(response.codeExecutionResult).toBe('42\n');
    expect(response.usageMetadata?.toolUsePromptTokenCount).toBeGreaterThan(0);
    const kinds: string[] = [];
    for await (const chunk of await ai.models.generateContentStream(request)) {
      for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
        kinds.push(part.executableCode ? 'code' : part.codeExecutionResult ? 'result' : 'text');
      }
    }
    expect(kinds.indexOf('code')).toBeGreaterThan(0);
    expect(kinds.indexOf('result')).toBeGreaterThan(kinds.indexOf('code'));
    expect(kinds.at(-1)).toBe('text');
  });

  it('structured output: JSON that matches responseSchema', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-2.0-flash',
      contents: 'A recipe',
      config: {
        responseMimeType: 'application/json',
        responseSchema: {
          type: Type.OBJECT,
          properties: {
            title: { type: Type.STRING },
            servings: { type: Type.INTEGER },
            tags: { type: Type.ARRAY, items: { type: Type.STRING } },
          },
          required: ['title', 'servings', 'tags'],
        },
      },
    });
    const value = JSON.parse(response.text!);
    expect(value).toEqual({
      title: expect.any(String),
      servings: expect.any(Number),
      tags: expect.any(Array),
    });
    expect(value.tags.every((tag: unknown) => typeof tag === 'string')).toBe(true);
  });

  it('media: mediaResolution changes the image token count', async () => {
    const image = { inlineData: { mimeType: 'image/png', data: Buffer.alloc(1000).toString('base64') } };
    const count = async (mediaResolution?: MediaResolution) => {
      const response = await ai.models.generateContent({
        model: 'gemini-2.5-flash',
        contents: [{ role: 'user', parts: [image, { text: 'Describe' }] }],
        config: mediaResolution ? { mediaResolution } : {},
      });
      return response.usageMetadata?.promptTokensDetails?.find((detail) => detail.modality === 'IMAGE')
        ?.tokenCount;
    };
    expect(await count(MediaResolution.MEDIA_RESOLUTION_LOW)).toBe(64);
    expect(await count(MediaResolution.MEDIA_RESOLUTION_MEDIUM)).toBe(256);
    expect(await count()).toBe(258);
  });

  it('implicit caching: a repeated prefix reports cachedContentTokenCount', async () => {
    const context = 'Long shared context. '.repeat(40);
    const ask = (question: string) =>
      ai.models.generateContent({
        model: 'gemini-2.5-flash',
        contents: [
          { role: 'user', parts: [{ text: context }] },
          { role: 'model', parts: [{ text: 'Noted.' }] },
          { role: 'user', parts: [{ text: question }] },
        ],
      });
    const first = await ask('First question?');
    expect(first.usageMetadata?.cachedContentTokenCount).toBeUndefined();
    const second = await ask('Second question?');
    const usage = second.usageMetadata!;
    expect(usage.cachedContentTokenCount).toBe(
      Math.ceil(context.length / 4) + Math.ceil('Noted.'.length / 4),
    );
    expect(usage.cacheTokensDetails).toEqual([
      { modality: 'TEXT', tokenCount: usage.cachedContentTokenCount },
    ]);
    expect(usage.promptTokenCount).toBeGreaterThan(usage.cachedContentTokenCount!);
  });

  it('countTokens and embedContent', async () => {
    const counted = await ai.models.countTokens({
      model: 'gemini-2.5-flash',
      contents: 'Count these tokens',
    });
    expect(counted.totalTokens).toBe(Math.ceil('Count these tokens'.length / 4));
    const embedded = await ai.models.embedContent({
      model: 'gemini-embedding-001',
      contents: ['alpha', 'beta'],
      config: { outputDimensionality: 64 },
    });
    expect(embedded.embeddings).toHaveLength(2);
    expect(embedded.embeddings![0]!.values).toHaveLength(64);
    expect(embedded.embeddings![0]!.values).not.toEqual(embedded.embeddings![1]!.values);
  });

  it('models.list pages and models.get', async () => {
    const ids: string[] = [];
    const pager = await ai.models.list({ config: { pageSize: 3 } });
    for await (const model of pager) ids.push(model.name!);
    expect(ids).toContain('models/gemini-2.5-flash');
    expect(ids.length).toBeGreaterThan(3);
    expect(
      gateway.requests.filter((request) => request.path === '/gemini/v1beta/models').length,
    ).toBeGreaterThan(1);
    const model = await ai.models.get({ model: 'gemini-2.5-pro' });
    expect(model.inputTokenLimit).toBe(1_048_576);
    expect(model.thinking).toBe(true);
  });

  it('caches: create, get, list, update, use, delete', async () => {
    const cache = await ai.caches.create({
      model: 'gemini-2.5-flash',
      config: {
        contents: [{ role: 'user', parts: [{ text: 'A long document. '.repeat(20) }] }],
        ttl: '300s',
        displayName: 'doc',
      },
    });
    expect(cache.name).toMatch(/^cachedContents\//);
    expect(cache.usageMetadata?.totalTokenCount).toBe(Math.ceil('A long document. '.repeat(20).length / 4));
    expect((await ai.caches.get({ name: cache.name! })).displayName).toBe('doc');
    const names: string[] = [];
    for await (const item of await ai.caches.list()) names.push(item.name!);
    expect(names).toEqual([cache.name]);
    const updated = await ai.caches.update({ name: cache.name!, config: { ttl: '7200s' } });
    expect(Date.parse(updated.expireTime!)).toBeGreaterThan(Date.parse(cache.expireTime!));
    const used = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Summarise it',
      config: { cachedContent: cache.name },
    });
    expect(used.usageMetadata?.cachedContentTokenCount).toBe(cache.usageMetadata?.totalTokenCount);
    await ai.caches.delete({ name: cache.name! });
    const gone = await ai.caches.get({ name: cache.name! }).catch((error: unknown) => error);
    expect((gone as ApiError).status).toBe(403);
  });

  it('errors: a wrong key is an ApiError 401, a -nothink id a 404', async () => {
    const wrong = new GoogleGenAI({ apiKey: 'wrong-key', httpOptions: { baseUrl: gateway.nativeBaseURL } });
    const unauthorized = await wrong.models
      .generateContent({ model: 'gemini-2.0-flash', contents: 'x' })
      .catch((error: unknown) => error);
    expect(unauthorized).toBeInstanceOf(ApiError);
    expect((unauthorized as ApiError).status).toBe(401);
    expect((unauthorized as ApiError).message).not.toContain('wrong-key');
    const missing = await ai.models
      .generateContent({ model: 'gemini-2.5-flash-nothink', contents: 'x' })
      .catch((error: unknown) => error);
    expect((missing as ApiError).status).toBe(404);
  });

  it('generateContentStream with thoughts and tools: thought parts first, then the call', async () => {
    const kinds: string[] = [];
    const calls: unknown[] = [];
    let usage: unknown;
    for await (const chunk of await ai.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'Use get_weather for Rome',
      config: { tools: [weatherTool], thinkingConfig: { includeThoughts: true } },
    })) {
      for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
        kinds.push(part.thought ? 'thought' : part.functionCall ? 'call' : 'text');
      }
      calls.push(...(chunk.functionCalls ?? []));
      usage = chunk.usageMetadata;
    }
    expect(kinds[0]).toBe('thought');
    expect(kinds.at(-1)).toBe('call');
    expect(calls).toEqual([
      { name: 'get_weather', args: expect.objectContaining({ city: expect.any(String) }) },
    ]);
    expect((usage as { thoughtsTokenCount?: number }).thoughtsTokenCount).toBeGreaterThan(0);
  });

  it('structured output streamed: the chunks join into JSON valid against the schema', async () => {
    let text = '';
    for await (const chunk of await ai.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'A city',
      config: {
        responseMimeType: 'application/json',
        responseSchema: {
          type: Type.OBJECT,
          properties: { name: { type: Type.STRING }, population: { type: Type.INTEGER } },
          required: ['name', 'population'],
        },
      },
    })) {
      text += chunk.text ?? '';
    }
    expect(JSON.parse(text)).toEqual({ name: expect.any(String), population: expect.any(Number) });
  });

  it('a blocked prompt: promptFeedback.blockReason and no candidates, streamed too', async () => {
    const config = { httpOptions: { headers: { 'x-mock-prompt-block': 'SAFETY' } } };
    const blocked = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'x', config });
    expect(blocked.promptFeedback?.blockReason).toBe('SAFETY');
    expect(blocked.candidates).toBeUndefined();
    expect(blocked.text).toBeUndefined();
    const chunks = [];
    for await (const chunk of await ai.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'x',
      config,
    })) {
      chunks.push(chunk);
    }
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.promptFeedback?.blockReason).toBe('SAFETY');
  });

  it('media: a per-part media resolution (Gemini 3) overrides the request-level one', async () => {
    const data = Buffer.alloc(1000).toString('base64');
    const response = await ai.models.generateContent({
      model: 'gemini-3-pro-preview',
      contents: [
        {
          role: 'user',
          parts: [
            createPartFromBase64(data, 'image/png', PartMediaResolutionLevel.MEDIA_RESOLUTION_LOW),
            { text: 'Describe' },
          ],
        },
      ],
      config: { mediaResolution: MediaResolution.MEDIA_RESOLUTION_MEDIUM },
    });
    const image = response.usageMetadata?.promptTokensDetails?.find((detail) => detail.modality === 'IMAGE');
    expect(image?.tokenCount).toBe(64);
  });

  it('faults: a 429 with RetryInfo, an error event, a reset and a truncated event mid-stream all fail', async () => {
    gateway.scheduleFault({ fault: '429; retry-info=1.5s' });
    const limited = await ai.models
      .generateContent({ model: 'gemini-2.5-flash', contents: 'x' })
      .catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(ApiError);
    expect((limited as ApiError).status).toBe(429);
    expect((limited as ApiError).message).toContain('"retryDelay":"1.5s"');
    expect((limited as ApiError).message).toMatch(/\(tid: mock-\d{6}\)/);

    const drain = async (fault: string) => {
      gateway.scheduleFault({ fault });
      const texts: string[] = [];
      const error = await (async () => {
        for await (const chunk of await ai.models.generateContentStream({
          model: 'gemini-2.5-flash',
          contents: 'A long story please',
        })) {
          texts.push(chunk.text ?? '');
        }
      })().catch((caught: unknown) => caught);
      return { texts, error };
    };
    const inStream = await drain('error-in-stream');
    expect(inStream.texts).toHaveLength(1);
    expect(inStream.error).toBeInstanceOf(ApiError);
    expect((inStream.error as ApiError).status).toBe(500);
    const reset = await drain('reset-mid-stream; after=2');
    expect(reset.texts).toHaveLength(2);
    expect(reset.error).toBeInstanceOf(Error);
    const truncated = await drain('truncate-event');
    expect(truncated.texts.length).toBeGreaterThan(0);
    expect(String(truncated.error)).toContain('Incomplete JSON');
  });

  it('Gemini 3 stream endings, mid-stream STOP and thought code parts parse; the text joins', async () => {
    const whole = await ai.models.generateContent({
      model: 'gemini-3-flash-preview',
      contents: 'Tell me a story',
    });
    const chunks = [];
    for await (const chunk of await ai.models.generateContentStream({
      model: 'gemini-3-flash-preview',
      contents: 'Tell me a story',
    })) {
      chunks.push(chunk);
    }
    expect(chunks.map((chunk) => chunk.text ?? '').join('')).toBe(whole.text);
    expect(chunks.at(-1)!.candidates![0]!.content!.parts![0]!.thoughtSignature).toEqual(expect.any(String));
    const code = [];
    for await (const chunk of await ai.models.generateContentStream({
      model: 'gemini-3-flash-preview',
      contents: 'Add 5 and 7 with code',
      config: { tools: [{ codeExecution: {} }] },
    })) {
      code.push(chunk);
    }
    expect(code[0]!.candidates![0]!.finishReason).toBe('STOP');
    expect(
      code
        .flatMap((chunk) => chunk.candidates![0]!.content?.parts ?? [])
        .some((part) => part.thought && part.executableCode),
    ).toBe(true);
  });

  it('MAX_TOKENS from thinking: a candidate without parts; text is undefined, not a crash', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Think',
      config: { maxOutputTokens: 1 },
    });
    expect(response.candidates![0]!.finishReason).toBe('MAX_TOKENS');
    expect(response.candidates![0]!.content!.parts).toBeUndefined();
    expect(response.text).toBeUndefined();
  });

  it('grounding, serviceTier and index-less 2.0 streams parse', async () => {
    const grounded = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Latest news?',
      config: { tools: [{ googleSearch: {} }] },
    });
    expect(grounded.candidates![0]!.groundingMetadata?.webSearchQueries).toEqual(['Latest news?']);
    // This client version does not type `serviceTier` on responses yet; the field still arrives.
    expect((grounded.usageMetadata as Record<string, unknown>).serviceTier).toBe('standard');
    const old = [];
    for await (const chunk of await ai.models.generateContentStream({
      model: 'gemini-2.0-flash',
      contents: 'Hi',
    })) {
      old.push(chunk);
    }
    expect(old.every((chunk) => chunk.candidates![0]!.index === undefined)).toBe(true);
  });

  it("Vertex partialArgs function-call streams pass through the client's types", async () => {
    const parts = [];
    for await (const chunk of await ai.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'Please get_weather for Lima',
      config: {
        tools: [weatherTool],
        httpOptions: { headers: { 'x-mock-stream-function-call-arguments': '1' } },
      },
    })) {
      parts.push(...(chunk.candidates?.[0]?.content?.parts ?? []));
    }
    const calls = parts.filter((part) => part.functionCall).map((part) => part.functionCall!);
    expect(calls[0]).toMatchObject({ name: 'get_weather', willContinue: true });
    expect(
      calls.slice(1, -1).every((call) => call.name === undefined && (call.partialArgs?.length ?? 0) > 0),
    ).toBe(true);
    expect(calls.find((call) => call.partialArgs?.some((arg) => arg.jsonPath === '$.city'))).toBeDefined();
  });
});
