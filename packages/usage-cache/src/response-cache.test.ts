import type { TransportResponse } from '@gemgate/core-transport';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheControl } from './cache-control.js';
import type { CacheStore } from './cache-store.js';
import { memoryStore } from './memory-store.js';
import { responseCache } from './response-cache.js';

const request = {
  method: 'POST' as const,
  path: 'v1beta/models/gemini-2.5-flash:generateContent',
  body: { contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] },
  context: {
    route: 'native' as const,
    operation: 'generateContent' as const,
    model: 'gemini-2.5-flash',
    stream: false,
  },
};
const answer: TransportResponse = {
  kind: 'json',
  status: 200,
  headers: { 'content-type': 'application/json' },
  requestId: 'r1',
  body: { candidates: [] },
};

afterEach(() => {
  vi.useRealTimers();
});

describe('responseCache with a store that does not answer', () => {
  it('goes upstream once the store timeout passes, and warns once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const hanging: CacheStore = {
      get: () => new Promise(() => {}),
      set: () => new Promise(() => {}),
      delete: async () => {},
    };
    const warn = vi.fn();
    const cache = responseCache({ store: hanging, storeTimeout: 250, logger: { warn } });
    const next = vi.fn(async () => answer);
    const call = cache(request, next);
    await vi.advanceTimersByTimeAsync(249);
    expect(next).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(next).toHaveBeenCalledTimes(1);
    expect((await call).headers['x-gemgate-cache']).toBe('miss');
    const second = cache(request, next);
    await vi.advanceTimersByTimeAsync(250);
    await second;
    expect(warn).toHaveBeenCalledTimes(1);
    expect(cache.stats().storeErrors).toBeGreaterThanOrEqual(2);
  });

  it('goes upstream when a synchronous store throws, warns once, and uses it again once it answers', async () => {
    let broken = true;
    const inner = memoryStore();
    const flaky: CacheStore = {
      ...inner,
      getSync: (parameters) => {
        if (broken) throw new Error('store down');
        return inner.getSync(parameters);
      },
      setSync: (parameters) => {
        if (broken) throw new Error('store down');
        inner.setSync(parameters);
      },
    };
    const warn = vi.fn();
    const cache = responseCache({ store: flaky, logger: { warn } });
    const next = vi.fn(async () => answer);
    expect((await cache(request, next)).headers['x-gemgate-cache']).toBe('miss');
    expect((await cache(request, next)).headers['x-gemgate-cache']).toBe('miss');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(cache.stats().storeErrors).toBe(4);
    broken = false;
    await cache(request, next);
    expect((await cache(request, next)).headers['x-gemgate-cache']).toBe('hit');
    expect(next).toHaveBeenCalledTimes(3);
  });

  it('settles the call under way when the next step throws instead of rejecting, so identical calls do not wait for it', async () => {
    const cache = responseCache({ coalesceTimeout: 60_000 });
    const throwing = () => {
      throw new Error('thrown, not rejected');
    };
    await expect(cache(request, throwing as never)).rejects.toThrow('thrown, not rejected');
    const next = vi.fn(async () => answer);
    const second = cache(request, next);
    const stalled = new Promise((resolve) => setTimeout(() => resolve('stalled'), 500));
    const first = await Promise.race([second, stalled]);
    expect(first).not.toBe('stalled');
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('refuses a TTL that is not a positive number of milliseconds', () => {
    expect(() => responseCache({ ttl: -1 })).toThrow(/ttl must be a positive number of milliseconds/);
  });

  it('passes uncached calls straight on, without the control header', async () => {
    const cache = responseCache();
    const next = vi.fn(async () => answer);
    await cache({ ...request, method: 'GET', headers: { 'x-gemgate-cache': 'refresh', other: '1' } }, next);
    expect(next).toHaveBeenCalledWith(expect.objectContaining({ headers: { other: '1' } }));
  });
});

describe('responseCache per-call TTL', () => {
  it('keeps an answer for the TTL given in cacheControl, not the cache default', async () => {
    let now = 10_000;
    const cache = responseCache({ store: memoryStore({ now: () => now }), ttl: 3_600_000, now: () => now });
    const next = vi.fn(async () => answer);
    await cache({ ...request, headers: cacheControl({ ttl: 1_000 }) }, next);
    now += 999;
    const hit = await cache(request, next);
    expect(hit.headers).toMatchObject({ 'x-gemgate-cache': 'hit', 'x-gemgate-cache-age': '999' });
    now += 1;
    expect((await cache(request, next)).headers['x-gemgate-cache']).toBe('miss');
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('cacheControl refuses a TTL that is not a positive number', () => {
    expect(() => cacheControl({ ttl: 0 })).toThrow(/ttl must be a positive number of milliseconds/);
    expect(cacheControl({ ttl: 5, noStore: true, refresh: true })).toEqual({
      'x-gemgate-cache': 'ttl=5; no-store; refresh',
    });
  });
});

describe('responseCache single flight', () => {
  it('lets each waiting call ask for itself when the first one fails', async () => {
    const cache = responseCache();
    let calls = 0;
    const next = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new Error('upstream down');
      return answer;
    });
    const results = await Promise.allSettled([
      cache(request, next),
      cache(request, next),
      cache(request, next),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(cache.stats().coalesced).toBe(0);
  });
});

describe('responseCache storing what the transport read', () => {
  const notCalledOnAHit = async (): Promise<TransportResponse> => {
    throw new Error('not called: a hit');
  };
  // As the transport answers: `wire` pairs the parsed body with the text it came from.
  const wireText =
    '{ "candidates" : [ { "content" : { "parts" : [ { "text" : "Hi \\u00e9" } ] } } ], "zeta": 1.50 }';
  const fromWire = (): TransportResponse & { kind: 'json' } => {
    const body = JSON.parse(wireText);
    return {
      kind: 'json',
      status: 200,
      headers: { 'content-type': 'application/json' },
      requestId: 'r1',
      body,
      wire: { text: wireText, body },
    };
  };

  it('keeps the wire text as it came, and a hit gives back an equal body', async () => {
    const inner = memoryStore();
    const written: string[] = [];
    const recording: CacheStore = {
      ...inner,
      setSync: (entry) => {
        written.push(entry.value);
        inner.setSync(entry);
      },
    };
    const cache = responseCache({ store: recording });
    const miss = await cache(request, async () => fromWire());
    // Written around the upstream's own text (its spacing and `1.50` kept), not re-serialized.
    expect(written).toHaveLength(1);
    expect(written[0]).toContain(`"body":${wireText}}`);
    const hit = await cache(request, notCalledOnAHit);
    expect(hit.headers['x-gemgate-cache']).toBe('hit');
    expect(hit.kind === 'json' && hit.body).toEqual(JSON.parse(wireText));
    expect(hit.kind === 'json' && hit.body).toEqual(miss.kind === 'json' && miss.body);
    expect(hit.requestId).toBe('r1');
  });

  it('stores the body a middleware below answered with, not the text of the one it replaced', async () => {
    const cache = responseCache();
    const replaced = async (): Promise<TransportResponse> => {
      const original = fromWire();
      // A middleware below the cache that rewrites answers: `wire` still holds the old text.
      return { ...original, body: { candidates: [], rewritten: true } };
    };
    await cache(request, replaced);
    const hit = await cache(request, notCalledOnAHit);
    expect(hit.kind === 'json' && hit.body).toEqual({ candidates: [], rewritten: true });
  });
});

describe('responseCache with a stored text it did not write', () => {
  for (const [what, text] of [
    ['text that is not JSON', 'not json at all'],
    ['JSON that is not a stored answer', '{"candidates":[]}'],
    ['a stored answer cut short', '{"kind":"json","status":200,"headers":{},"storedAt":1,"bo'],
  ] as const) {
    it(`treats ${what} as a miss, warns, and stores the new answer in its place`, async () => {
      const inner = memoryStore();
      let planted = true;
      const store: CacheStore = {
        ...inner,
        inProcess: true,
        getSync: (parameters) => (planted ? text : inner.getSync(parameters)),
        setSync: (parameters) => {
          planted = false;
          inner.setSync(parameters);
        },
      };
      const warn = vi.fn();
      const cache = responseCache({ store, logger: { warn } });
      const next = vi.fn(
        async (): Promise<TransportResponse> => ({ ...answer, headers: { ...answer.headers } }),
      );
      const first = await cache(request, next);
      expect(first.headers['x-gemgate-cache']).toBe('miss');
      expect(first.kind === 'json' && first.body).toEqual(answer.kind === 'json' && answer.body);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[1]?.error)).toMatch(/unreadable stored answer/);
      const second = await cache(request, next);
      expect(second.headers['x-gemgate-cache']).toBe('hit');
      expect(next).toHaveBeenCalledTimes(1);
      expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, storeErrors: 1 });
    });
  }

  it('never changes the response the layer below handed it', async () => {
    const shared: TransportResponse = Object.freeze({
      ...answer,
      headers: Object.freeze({ ...answer.headers }),
    });
    const cache = responseCache();
    const marked = await cache(request, async () => shared);
    expect(marked.headers['x-gemgate-cache']).toBe('miss');
    expect(shared.headers).toEqual({ 'content-type': 'application/json' });
  });
});
