/** The explicit-cache helper over the native client's `caches`, against the mock gateway. */
import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { explicitCacheBreakEven, explicitContextCache } from '../src/index.js';
import { useMockGateway } from './use-mock-gateway.js';

let clock = Date.parse('2026-12-03T00:00:00Z');
const mock = useMockGateway({ now: () => clock });
const document = [{ role: 'user' as const, parts: [{ text: 'Chapter one. '.repeat(2_000) }] }];
const creates = () =>
  mock.gateway.requests.filter(
    (request) => request.method === 'POST' && request.path.endsWith('/cachedContents'),
  );

describe('explicitContextCache', () => {
  it('makes one cache for a prefix, hands it out until it nears expiry, then makes another', async () => {
    const gemini = mock.native({ middleware: [] });
    const caches = explicitContextCache({
      client: gemini,
      model: 'gemini-2.5-flash',
      ttlSeconds: 600,
      now: () => clock,
    });
    const first = await caches.cachedContentFor({ contents: document });
    expect(first).toMatchObject({ reused: false });
    expect(first.name).toMatch(/^cachedContents\//);
    expect(first.expiresAt.getTime()).toBe(clock + 600_000);
    expect(creates()[0]?.body).toMatchObject({ ttl: '600s', model: 'models/gemini-2.5-flash' });

    const answer = await gemini.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Summarize chapter one.',
      config: { cachedContent: first.name },
    });
    expect(answer.usage.cachedInputTokens).toBe(first.tokens);

    clock += 569_000; // 31 s before expiry: still handed out
    expect(await caches.cachedContentFor({ contents: document })).toMatchObject({
      name: first.name,
      reused: true,
    });
    clock += 1_000; // 30 s before expiry: renewed
    const renewed = await caches.cachedContentFor({ contents: document });
    expect(renewed.reused).toBe(false);
    expect(renewed.name).not.toBe(first.name);
    expect(creates()).toHaveLength(2);
  });

  it('makes one cache for identical concurrent requests', async () => {
    const gemini = mock.native({ middleware: [] });
    const caches = explicitContextCache({
      client: gemini,
      model: 'gemini-2.5-flash',
      ttlSeconds: 300,
      now: () => clock,
    });
    const leases = await Promise.all(
      Array.from({ length: 5 }, () => caches.cachedContentFor({ contents: document })),
    );
    expect(new Set(leases.map((lease) => lease.name)).size).toBe(1);
    expect(creates()).toHaveLength(1);
    await caches.clear();
    expect(mock.gateway.requests.at(-1)).toMatchObject({ method: 'DELETE' });
  });

  it('refuses a TTL outside the supported range, which is configurable', () => {
    const gemini = mock.native({ middleware: [] });
    let caught: unknown;
    try {
      explicitContextCache({ client: gemini, model: 'gemini-2.5-flash', ttlSeconds: 7_200 });
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/between 60 and 3600 seconds/);
    expect(() =>
      explicitContextCache({
        client: gemini,
        model: 'gemini-2.5-flash',
        ttlSeconds: 7_200,
        ttlRange: { minSeconds: 60, maxSeconds: 86_400 },
      }),
    ).not.toThrow();
  });
});

describe('explicitCacheBreakEven', () => {
  it('weighs storage for the TTL against the discount per call', () => {
    // 2.5 Flash: storage $1 per million tokens per hour; saving $0.30 − $0.075 = $0.225 per million.
    const hour = explicitCacheBreakEven({
      model: 'gemini-2.5-flash',
      cachedTokens: 100_000,
      ttlSeconds: 3600,
    });
    expect(hour.storageUsd).toBeCloseTo(0.1, 12);
    expect(hour.savingPerCallUsd).toBeCloseTo(0.0225, 12);
    expect(hour.breakEvenCalls).toBe(5);
    expect(
      explicitCacheBreakEven({ model: 'gemini-2.5-flash', cachedTokens: 100_000, ttlSeconds: 600 })
        .breakEvenCalls,
    ).toBe(1);
    expect(explicitCacheBreakEven({ model: 'unknown-model', cachedTokens: 1, ttlSeconds: 60 })).toEqual({
      storageUsd: undefined,
      savingPerCallUsd: undefined,
      breakEvenCalls: undefined,
    });
  });
});
