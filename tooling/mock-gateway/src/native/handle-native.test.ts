import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockGateway } from '../start-mock-gateway.js';
import type { MockGateway } from '../types.js';

let gateway: MockGateway;
let clock = 1_700_000_000_000;

beforeAll(async () => {
  gateway = await startMockGateway({ now: () => clock });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

type Json = Record<string, any>;

async function call({
  model = 'gemini-2.5-flash',
  verb = 'generateContent',
  query = '',
  body,
  headers = {},
  method = 'POST',
  path,
}: {
  model?: string;
  verb?: string;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
  method?: string;
  path?: string;
}) {
  return fetch(`${gateway.nativeBaseURL}/v1beta/${path ?? `models/${model}:${verb}`}${query}`, {
    method,
    headers: { 'x-goog-api-key': 'k', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const ask = (text: string, extra: Json = {}) => ({
  contents: [{ role: 'user', parts: [{ text }] }],
  ...extra,
});

function sseEvents(text: string): Json[] {
  expect(text.endsWith('\r\n\r\n')).toBe(true);
  return text
    .split('\r\n\r\n')
    .filter(Boolean)
    .map((event) => {
      expect(event.startsWith('data: ')).toBe(true);
      return JSON.parse(event.slice('data: '.length));
    });
}

describe('native route', () => {
  it('SSE: data lines separated by \\r\\n\\r\\n, no [DONE], running usage, finishReason last', async () => {
    const response = await call({
      verb: 'streamGenerateContent',
      query: '?alt=sse',
      body: ask('Stream please'),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    expect(text).not.toContain('[DONE]');
    const events = sseEvents(text);
    expect(events.length).toBeGreaterThan(2);
    const totals = events.map((event) => event.usageMetadata.totalTokenCount);
    expect([...totals].sort((left, right) => left - right)).toEqual(totals);
    expect(events.slice(0, -1).every((event) => event.candidates[0].finishReason === undefined)).toBe(true);
    expect(events.at(-1)!.candidates[0].finishReason).toBe('STOP');
  });

  it('without alt=sse the stream is one JSON array', async () => {
    const response = await call({ verb: 'streamGenerateContent', body: ask('Array please') });
    const text = await response.text();
    expect(text.startsWith('[{')).toBe(true);
    expect(text).toContain('\n,\r\n{');
    const elements = JSON.parse(text) as Json[];
    expect(elements.length).toBeGreaterThan(1);
    const whole = (await (await call({ body: ask('Array please') })).json()) as Json;
    const joined = elements.map((element) => element.candidates[0].content.parts[0].text ?? '').join('');
    expect(joined).toBe(whole.candidates[0].content.parts.map((part: Json) => part.text).join(''));
  });

  it('x-mock-finish-early puts STOP on a chunk before the last', async () => {
    const response = await call({
      verb: 'streamGenerateContent',
      query: '?alt=sse',
      body: ask('Add 1 and 2', { tools: [{ codeExecution: {} }] }),
      headers: { 'x-mock-finish-early': '1' },
    });
    const events = sseEvents(await response.text());
    expect(events.at(-2)!.candidates[0].finishReason).toBe('STOP');
    expect(events.at(-1)!.candidates[0].finishReason).toBeUndefined();
    expect(events.at(-1)!.candidates[0].content.parts[0].text).toMatch(/\w/);
  });

  it('x-mock-signature-only-last-chunk ends with an empty text part carrying the signature', async () => {
    const response = await call({
      verb: 'streamGenerateContent',
      query: '?alt=sse',
      body: ask('Think', { generationConfig: { thinkingConfig: { includeThoughts: true } } }),
      headers: { 'x-mock-signature-only-last-chunk': '1' },
    });
    const events = sseEvents(await response.text());
    expect(events.at(-1)!.candidates[0].content.parts).toEqual([
      { text: '', thoughtSignature: expect.any(String) },
    ]);
    const earlier = events.slice(0, -1).flatMap((event) => event.candidates[0].content.parts);
    expect(earlier.some((part: Json) => part.thoughtSignature)).toBe(false);
  });

  it('x-mock-prompt-block answers promptFeedback without candidates', async () => {
    const response = await call({ body: ask('Blocked'), headers: { 'x-mock-prompt-block': 'SAFETY' } });
    const body = (await response.json()) as Json;
    expect(body.candidates).toBeUndefined();
    expect(body.promptFeedback.blockReason).toBe('SAFETY');
  });

  it.each([
    ['-nothink', 'gemini-2.5-flash-nothink'],
    ['-search', 'gemini-2.5-flash-search'],
  ])('%s ids are 404 NOT_FOUND', async (_suffix, model) => {
    const response = await call({ model, body: ask('x') });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { status: 'NOT_FOUND' } });
  });

  it('thinkingLevel with thinkingBudget is a 400', async () => {
    const response = await call({
      model: 'gemini-3-pro-preview',
      body: ask('x', {
        generationConfig: { thinkingConfig: { thinkingLevel: 'high', thinkingBudget: 1024 } },
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        status: 'INVALID_ARGUMENT',
        message: expect.stringContaining('You can only set only one of thinking budget and thinking level.'),
      },
    });
  });

  it('budget 0 turns thinking off on Flash: no thoughtsTokenCount', async () => {
    const body = (await (
      await call({ body: ask('x', { generationConfig: { thinkingConfig: { thinkingBudget: 0 } } }) })
    ).json()) as Json;
    expect(body.usageMetadata.thoughtsTokenCount).toBeUndefined();
  });

  it('maxOutputTokens stops the answer with MAX_TOKENS', async () => {
    const body = (await (
      await call({
        model: 'gemini-2.0-flash',
        body: ask('Long', { generationConfig: { maxOutputTokens: 3 } }),
      })
    ).json()) as Json;
    expect(body.candidates[0].finishReason).toBe('MAX_TOKENS');
    expect(body.usageMetadata.candidatesTokenCount).toBeLessThanOrEqual(3);
    // A limited answer is a cut of the unlimited one: limits are left out of the seed.
    const whole = (await (await call({ model: 'gemini-2.0-flash', body: ask('Long') })).json()) as Json;
    const cut: string = body.candidates[0].content.parts[0].text;
    expect(cut.length).toBeGreaterThan(0);
    expect(whole.candidates[0].content.parts[0].text.startsWith(cut)).toBe(true);
    expect(whole.candidates[0].finishReason).toBe('STOP');
  });

  it('stop sequences cut the text before the sequence', async () => {
    const plain = (await (await call({ model: 'gemini-2.0-flash', body: ask('Words') })).json()) as Json;
    const text: string = plain.candidates[0].content.parts[0].text;
    const stop = text.split(' ')[3]!;
    const stopped = (await (
      await call({
        model: 'gemini-2.0-flash',
        body: ask('Words', { generationConfig: { stopSequences: [stop] } }),
      })
    ).json()) as Json;
    expect(stopped.candidates[0].content.parts[0].text).toBe(text.slice(0, text.indexOf(stop)));
  });

  it('parametersJsonSchema declarations get arguments valid against the schema', async () => {
    const body = (await (
      await call({
        body: ask('please run lookup_order', {
          tools: [
            {
              functionDeclarations: [
                {
                  name: 'lookup_order',
                  parametersJsonSchema: {
                    type: 'object',
                    properties: {
                      id: { type: 'integer', minimum: 1, maximum: 9 },
                      items: {
                        type: 'array',
                        items: { type: 'object', properties: { sku: { type: 'string' } } },
                      },
                      express: { type: 'boolean' },
                    },
                    required: ['id'],
                  },
                },
              ],
            },
          ],
        }),
      })
    ).json()) as Json;
    const parts = body.candidates[0].content.parts;
    const functionPart = parts.find((part: Json) => part.functionCall);
    expect(functionPart.functionCall.name).toBe('lookup_order');
    expect(functionPart.functionCall.args.id).toBeGreaterThanOrEqual(1);
    expect(functionPart.functionCall.args.id).toBeLessThanOrEqual(9);
    expect(functionPart.functionCall.args.items[0]).toEqual({ sku: expect.any(String) });
    expect(typeof functionPart.functionCall.args.express).toBe('boolean');
    // 2.5 Flash thinks by default, so the first call carries the signature.
    expect(functionPart.thoughtSignature).toEqual(expect.any(String));
  });

  it('parallel calls: every named function is called, only the first carries the signature', async () => {
    const declare = (name: string) => ({
      name,
      parameters: { type: 'OBJECT', properties: { q: { type: 'STRING' } } },
    });
    const body = (await (
      await call({
        model: 'gemini-3-pro-preview',
        body: ask('run alpha_tool and beta_tool', {
          tools: [{ functionDeclarations: [declare('alpha_tool'), declare('beta_tool')] }],
        }),
      })
    ).json()) as Json;
    const parts = body.candidates[0].content.parts as Json[];
    expect(parts.map((part) => part.functionCall.name)).toEqual(['alpha_tool', 'beta_tool']);
    expect(parts[0]!.thoughtSignature).toEqual(expect.any(String));
    expect(parts[1]!.thoughtSignature).toBeUndefined();
  });

  it('hidden thinking: every stream snapshot already counts the thoughts, none are sent', async () => {
    const response = await call({
      verb: 'streamGenerateContent',
      query: '?alt=sse',
      body: ask('Quietly think'),
    });
    const events = sseEvents(await response.text());
    const thoughts = events.map((event) => event.usageMetadata.thoughtsTokenCount);
    expect(thoughts[0]).toBeGreaterThan(0);
    expect(new Set(thoughts).size).toBe(1);
    expect(
      events.flatMap((event) => event.candidates[0].content.parts).some((part: Json) => part.thought),
    ).toBe(false);
  });

  it('inline data is counted by modality', async () => {
    const audio = Buffer.alloc(1000).toString('base64');
    const body = (await (
      await call({
        body: {
          contents: [
            {
              role: 'user',
              parts: [{ inlineData: { mimeType: 'audio/wav', data: audio } }, { text: 'Transcribe' }],
            },
          ],
        },
      })
    ).json()) as Json;
    expect(body.usageMetadata.promptTokensDetails).toEqual(
      expect.arrayContaining([
        { modality: 'AUDIO', tokenCount: 10 },
        { modality: 'TEXT', tokenCount: 3 },
      ]),
    );
  });

  it('a per-part mediaResolution (Gemini 3) overrides the request-level one; numTokens wins', async () => {
    const image = { mimeType: 'image/png', data: Buffer.alloc(100).toString('base64') };
    const imageTokens = async (parts: Json[]) => {
      const body = (await (
        await call({
          model: 'gemini-3-pro-preview',
          body: {
            contents: [{ role: 'user', parts: [...parts, { text: 'Describe' }] }],
            generationConfig: { mediaResolution: 'MEDIA_RESOLUTION_MEDIUM' },
          },
        })
      ).json()) as Json;
      return body.usageMetadata.promptTokensDetails.find((detail: Json) => detail.modality === 'IMAGE')
        .tokenCount;
    };
    expect(await imageTokens([{ inlineData: image }])).toBe(256);
    expect(
      await imageTokens([{ inlineData: image, mediaResolution: { level: 'MEDIA_RESOLUTION_LOW' } }]),
    ).toBe(64);
    expect(
      await imageTokens([
        { inlineData: image, mediaResolution: { level: 'MEDIA_RESOLUTION_LOW' } },
        { inlineData: image },
      ]),
    ).toBe(64 + 256);
    expect(await imageTokens([{ inlineData: image, mediaResolution: { numTokens: 1120 } }])).toBe(1120);
  });

  it('2.0 candidates carry negligible safetyRatings (whole, and the finishing stream chunk); 2.5 ones none', async () => {
    const ratings = expect.arrayContaining([
      { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'NEGLIGIBLE' },
      { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
    ]);
    const model = 'gemini-2.0-flash';
    const whole = (await (await call({ model, body: ask('Rate me') })).json()) as Json;
    expect(whole.candidates[0].safetyRatings).toEqual(ratings);
    expect(whole.candidates[0].safetyRatings).toHaveLength(4);
    const events = sseEvents(
      await (
        await call({ model, verb: 'streamGenerateContent', query: '?alt=sse', body: ask('Rate me') })
      ).text(),
    );
    const finishing = events.filter((event) => event.candidates[0].finishReason);
    expect(finishing).toHaveLength(1);
    expect(finishing[0]!.candidates[0].safetyRatings).toEqual(ratings);
    const modern = (await (await call({ body: ask('Rate me') })).json()) as Json;
    expect(modern.candidates[0]).not.toHaveProperty('safetyRatings');
    const forced = (await (
      await call({ body: ask('Rate me'), headers: { 'x-mock-safety-ratings': 'on' } })
    ).json()) as Json;
    expect(forced.candidates[0].safetyRatings).toEqual(ratings);
  });

  it('large inline media: implicit caching tells two payloads apart that differ in one byte', async () => {
    const audio = Buffer.alloc(300_000);
    const other = Buffer.from(audio);
    other[150_000] = 1;
    const usageOf = async (media: Buffer, question: string) => {
      const body = (await (
        await call({
          body: {
            contents: [
              {
                role: 'user',
                parts: [{ inlineData: { mimeType: 'audio/wav', data: media.toString('base64') } }],
              },
              { role: 'model', parts: [{ text: 'Heard.' }] },
              { role: 'user', parts: [{ text: question }] },
            ],
          },
        })
      ).json()) as Json;
      return body.usageMetadata;
    };
    expect((await usageOf(audio, 'First?')).cachedContentTokenCount).toBeUndefined();
    expect((await usageOf(audio, 'Second?')).cachedContentTokenCount).toBe(3000 + 2);
    expect((await usageOf(other, 'Third?')).cachedContentTokenCount).toBeUndefined();
  });

  describe('cachedContents', () => {
    const createCache = async (extra: Json = {}) => {
      const response = await call({
        path: 'cachedContents',
        body: {
          model: 'models/gemini-2.5-flash',
          contents: [{ role: 'user', parts: [{ text: 'doc '.repeat(50) }] }],
          ...extra,
        },
      });
      return (await response.json()) as Json;
    };

    it('cachedContent next to systemInstruction is a 400', async () => {
      const cache = await createCache();
      const response = await call({
        body: { ...ask('x'), cachedContent: cache.name, systemInstruction: { parts: [{ text: 'sys' }] } },
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Json).error.message).toContain('CachedContent can not be used');
    });

    it('expires after its ttl; expireTime sets the expiry directly', async () => {
      const cache = await createCache({ ttl: '60s' });
      expect(Date.parse(cache.expireTime) - clock).toBe(60_000);
      clock += 61_000;
      expect((await call({ method: 'GET', path: cache.name })).status).toBe(403);
      expect((await call({ body: { ...ask('x'), cachedContent: cache.name } })).status).toBe(403);
      const dated = await createCache({ expireTime: new Date(clock + 5_000).toISOString() });
      expect((await call({ method: 'GET', path: dated.name })).status).toBe(200);
      clock += 6_000;
      expect((await call({ method: 'GET', path: dated.name })).status).toBe(403);
    });

    it('a malformed ttl is a 400', async () => {
      const response = await call({
        path: 'cachedContents',
        body: { model: 'models/gemini-2.5-flash', ttl: '5 minutes' },
      });
      expect(response.status).toBe(400);
    });
  });

  it("implicit caching needs the family's documented minimum prefix (2.5 Flash 2,048; none on 2.0)", async () => {
    const short = ask('x'.repeat(4 * 2000));
    await call({ body: short });
    const repeated = (await (await call({ body: short })).json()) as Json;
    expect(repeated.usageMetadata.cachedContentTokenCount).toBeUndefined();
    const long = ask('x'.repeat(4 * 2100));
    await call({ body: long });
    const hit = (await (await call({ body: long })).json()) as Json;
    expect(hit.usageMetadata.cachedContentTokenCount).toBe(2100);
    await call({ model: 'gemini-2.0-flash', body: long });
    const old = (await (await call({ model: 'gemini-2.0-flash', body: long })).json()) as Json;
    expect(old.usageMetadata.cachedContentTokenCount).toBeUndefined();
  });

  it('implicit caching matches token prefixes: one long document, a different question each time', async () => {
    // The gateway guide's own example: the document and the question in one text part.
    const document = 'It is a truth universally acknowledged. '.repeat(300); // 12,000 chars, 3,000 tokens
    const first = (await (await call({ body: ask(`${document}Analyze the major themes.`) })).json()) as Json;
    expect(first.usageMetadata.cachedContentTokenCount).toBeUndefined();
    const second = (await (await call({ body: ask(`${document}Who is Mr Darcy?`) })).json()) as Json;
    const cached: number = second.usageMetadata.cachedContentTokenCount;
    // A prefix count: most of the document, never the differing question.
    expect(cached).toBeGreaterThanOrEqual(3000 - 64);
    expect(cached).toBeLessThanOrEqual(3000);
    expect(cached).toBeLessThan(second.usageMetadata.promptTokenCount);
  });

  it('an unknown method path is a Google 404', async () => {
    const response = await call({ model: 'gemini-2.5-flash', verb: 'frobnicate', body: {} });
    expect(response.status).toBe(404);
  });
});
