import { hash } from 'node:crypto';
import type { TransportRequest } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { cacheKeyOf } from './cache-key.js';
import { canonicalJson } from './canonical-json.js';

const nativeRequest = (overrides: Partial<TransportRequest> = {}): TransportRequest => ({
  method: 'POST',
  path: 'v1beta/models/gemini-2.5-flash:generateContent',
  body: {
    contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
    generationConfig: { temperature: 0.2, thinkingConfig: { thinkingBudget: 0 } },
  },
  context: { route: 'native', operation: 'generateContent', model: 'gemini-2.5-flash', stream: false },
  ...overrides,
});

describe('cacheKeyOf', () => {
  it('is the same whatever order the fields were written in', () => {
    const reordered = nativeRequest({
      body: {
        generationConfig: { thinkingConfig: { thinkingBudget: 0 }, temperature: 0.2 },
        contents: [{ parts: [{ text: 'Hi' }], role: 'user' }],
      },
    });
    expect(cacheKeyOf({ request: reordered })).toBe(cacheKeyOf({ request: nativeRequest() }));
  });

  it('ignores headers, the key in the query, and the stream flag', () => {
    const base = cacheKeyOf({ request: nativeRequest() });
    expect(
      cacheKeyOf({ request: nativeRequest({ headers: { 'x-request-id': 'abc', 'x-trace': '1' } }) }),
    ).toBe(base);
    expect(cacheKeyOf({ request: nativeRequest({ query: { key: 'sk-secret' } }) })).toBe(base);
    const streamed = nativeRequest({
      path: 'v1beta/models/gemini-2.5-flash:streamGenerateContent',
      query: { alt: 'sse' },
      stream: 'sse',
      context: {
        route: 'native',
        operation: 'streamGenerateContent',
        model: 'gemini-2.5-flash',
        stream: true,
      },
    });
    expect(cacheKeyOf({ request: streamed })).toBe(base);
    const openai = (stream: boolean): TransportRequest => ({
      method: 'POST',
      path: 'chat/completions',
      body: {
        model: 'gemini-2.5-flash',
        messages: [{ role: 'user', content: 'Hi' }],
        ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
      },
      context: { route: 'openai', operation: 'chat.completions', model: 'gemini-2.5-flash', stream },
    });
    expect(cacheKeyOf({ request: openai(true) })).toBe(cacheKeyOf({ request: openai(false) }));
  });

  it('changes with anything the upstream reads: model, contents, tools, generation or thinking config, route', () => {
    const base = cacheKeyOf({ request: nativeRequest() });
    const variants: TransportRequest[] = [
      nativeRequest({ path: 'v1beta/models/gemini-2.5-pro:generateContent' }),
      nativeRequest({ body: { contents: [{ role: 'user', parts: [{ text: 'Hello' }] }] } }),
      nativeRequest({
        body: {
          contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
          generationConfig: { temperature: 0.2, thinkingConfig: { thinkingBudget: 512 } },
        },
      }),
      nativeRequest({
        body: {
          contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
          generationConfig: { temperature: 0.2, thinkingConfig: { thinkingBudget: 0 } },
          tools: [{ codeExecution: {} }],
        },
      }),
      nativeRequest({
        context: { route: 'openai', operation: 'generateContent', model: 'gemini-2.5-flash', stream: false },
      }),
    ];
    const keys = new Set(variants.map((request) => cacheKeyOf({ request })));
    expect(keys.size).toBe(variants.length);
    expect(keys.has(base)).toBe(false);
  });

  it('leaves uncached: other methods, model listings and caches, and bodies streamed from files', () => {
    expect(cacheKeyOf({ request: nativeRequest({ method: 'GET' }) })).toBeUndefined();
    expect(
      cacheKeyOf({
        request: nativeRequest({
          context: { route: 'native', operation: 'caches.create', model: 'm', stream: false },
        }),
      }),
    ).toBeUndefined();
    expect(
      cacheKeyOf({ request: nativeRequest({ body: { kind: 'json-with-binary', value: {} } }) }),
    ).toBeUndefined();
    expect(
      cacheKeyOf({ request: nativeRequest({ body: { kind: 'json', value: nativeRequest().body } }) }),
    ).toBe(cacheKeyOf({ request: nativeRequest() }));
  });
});

describe('cacheKeyOf, written member by member', () => {
  // The definition it documents, built the slow way: an object of the semantic fields, then
  // canonicalJson, then SHA-256.
  const byDefinition = (request: TransportRequest): string => {
    const {
      stream: _stream,
      stream_options: _options,
      ...body
    } = (request.body ?? {}) as Record<string, unknown>;
    const query = Object.fromEntries(
      Object.entries(request.query ?? {}).filter(
        ([name, value]) => value !== undefined && name !== 'key' && name !== 'alt',
      ),
    );
    const operation = request.context?.operation;
    const material = {
      route: request.context?.route,
      operation: operation === 'streamGenerateContent' ? 'generateContent' : operation,
      path: request.path.replace(':streamGenerateContent', ':generateContent'),
      query: Object.keys(query).length === 0 ? undefined : query,
      body: request.body === undefined ? undefined : body,
    };
    return hash('sha256', canonicalJson({ value: material }), 'hex');
  };

  it.each<[string, TransportRequest]>([
    ['a native call', nativeRequest()],
    [
      'a native stream with alt=sse and a key',
      nativeRequest({
        path: 'v1beta/models/gemini-2.5-flash:streamGenerateContent',
        query: { alt: 'sse', key: 'sk-secret', extra: 1 },
        context: {
          route: 'native',
          operation: 'streamGenerateContent',
          model: 'gemini-2.5-flash',
          stream: true,
        },
      }),
    ],
    [
      'an OpenAI stream',
      {
        method: 'POST',
        path: 'chat/completions',
        body: {
          model: 'm',
          stream: true,
          stream_options: { include_usage: true },
          messages: [{ role: 'user', content: 'é "q" \n' }],
          temperature: 0.5,
          n: undefined,
        },
        context: { route: 'openai', operation: 'chat.completions', model: 'm', stream: true },
      },
    ],
    ['no context and no body', { method: 'POST', path: 'v1beta/models/x:countTokens' }],
    [
      'a body marked json',
      {
        method: 'POST',
        path: 'embeddings',
        body: { kind: 'json', value: { input: ['a', 'b'], model: 'e' } },
        context: { route: 'openai', operation: 'embeddings', model: 'e', stream: false },
      },
    ],
  ])('equals SHA-256 of the canonical JSON of its semantic fields: %s', (_name, request) => {
    const plain =
      request.body && (request.body as { kind?: string }).kind === 'json'
        ? { ...request, body: (request.body as { value: unknown }).value }
        : request;
    expect(cacheKeyOf({ request })).toBe(byDefinition(plain));
  });
});
