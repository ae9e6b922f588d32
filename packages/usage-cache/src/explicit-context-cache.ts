import { createHash } from 'node:crypto';
import { InvalidArgumentError, type TokenCount, tokenCountToNumber } from '@gemgate/core-transport';
import { canonicalJson } from './canonical-json.js';
import { type BreakEven, explicitCacheBreakEven } from './explicit-cache-break-even.js';
import { geminiPriceTable, type PriceTable } from './price-table.js';

/**
 * The part of a native client this helper uses: `caches.create` (and `caches.delete` for
 * `clear`). `createGemini()` from `@gemgate/native-gemini` fits as it is; typed structurally so
 * this package never imports the client.
 */
export interface CachesClient {
  caches: {
    create(parameters: {
      model: string;
      config?: {
        contents?: unknown;
        systemInstruction?: unknown;
        tools?: unknown;
        toolConfig?: unknown;
        displayName?: string | undefined;
        ttl?: number | string | undefined;
      };
    }): Promise<{
      name?: string | null | undefined;
      expireTime?: string | null | undefined;
      usageMetadata?: { totalTokenCount?: TokenCount | null | undefined } | null | undefined;
    }>;
    delete?(parameters: { name: string }): Promise<unknown>;
  };
}

/** The prefix to cache: what a `cachedContent` holds. */
export interface CachedPrefix {
  contents?: unknown;
  systemInstruction?: unknown;
  tools?: unknown;
  toolConfig?: unknown;
}

/** What `explicitContextCache` takes. */
export interface ExplicitContextCacheOptions {
  client: CachesClient;
  model: string;
  /** Lifetime of each cache, in seconds. Default 3600 (the upstream's default). */
  ttlSeconds?: number | undefined;
  /**
   * The TTLs the gateway accepts, in seconds. The guide only says the range is "limited"; the
   * default, 60..3600, stays inside what it documents (a one-hour default). The mock gateway
   * enforces no range (only the `"<seconds>s"` format). A `ttlSeconds` outside it is refused.
   */
  ttlRange?: { minSeconds: number; maxSeconds: number } | undefined;
  /** A cache this close to expiry (seconds) is not handed out; a new one is made. Default 30. */
  renewBeforeSeconds?: number | undefined;
  priceTable?: PriceTable | undefined;
  /** Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** A cache ready to use as `config.cachedContent`. */
export interface ContextCacheLease {
  /** `cachedContents/...`: pass it as `config.cachedContent`. */
  name: string;
  /** Whether an existing cache was handed out (no create call). */
  reused: boolean;
  expiresAt: Date;
  /** Tokens the cache holds, as the upstream counted them. */
  tokens: number;
  /** Storage cost against the per-call discount, for this cache's tokens and TTL. */
  breakEven: BreakEven;
}

/** The helper `explicitContextCache` returns. */
export interface ExplicitContextCache {
  /** A live cache holding `prefix`: the one made before when still valid, else a new one. */
  cachedContentFor(prefix: CachedPrefix): Promise<ContextCacheLease>;
  /** Deletes every cache this helper made (when the client has `caches.delete`) and forgets them. */
  clear(): Promise<void>;
}

/**
 * Turns a long repeated prefix (a document, a system prompt, tools) into an explicit
 * `cachedContent` on the native route, with a TTL inside the gateway's supported range, and
 * hands out the same cache until it nears expiry. Each lease reports the break-even: the
 * storage cost for the TTL against what each call saves by reading the prefix at the cached
 * price. Identical concurrent requests for a prefix make one cache.
 *
 * @example
 * ```ts
 * import { createGemini } from '@gemgate/native-gemini';
 * import { explicitContextCache } from '@gemgate/usage-cache';
 * const gemini = createGemini();
 * const caches = explicitContextCache({ client: gemini, model: 'gemini-2.5-flash', ttlSeconds: 600 });
 * const lease = await caches.cachedContentFor({ contents: [{ role: 'user', parts: [{ text: longDocument }] }] });
 * console.log(lease.breakEven.breakEvenCalls);
 * await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Summarize it', config: { cachedContent: lease.name } });
 * ```
 */
export function explicitContextCache({
  client,
  model,
  ttlSeconds = 3600,
  ttlRange = { minSeconds: 60, maxSeconds: 3600 },
  renewBeforeSeconds = 30,
  priceTable = geminiPriceTable,
  now = Date.now,
}: ExplicitContextCacheOptions): ExplicitContextCache {
  if (
    typeof ttlSeconds !== 'number' ||
    !Number.isFinite(ttlSeconds) ||
    ttlSeconds < ttlRange.minSeconds ||
    ttlSeconds > ttlRange.maxSeconds
  ) {
    throw new InvalidArgumentError(
      `ttlSeconds must be between ${ttlRange.minSeconds} and ${ttlRange.maxSeconds} seconds (the gateway supports a limited range; widen ttlRange if yours allows more), got ${String(ttlSeconds)}.`,
      { argument: 'ttlSeconds' },
    );
  }
  const leases = new Map<string, Promise<Omit<ContextCacheLease, 'reused'>>>();

  const create = async (prefix: CachedPrefix): Promise<Omit<ContextCacheLease, 'reused'>> => {
    const cache = await client.caches.create({ model, config: { ...prefix, ttl: ttlSeconds } });
    if (typeof cache.name !== 'string') {
      throw new InvalidArgumentError(
        'caches.create answered without a cache name; is client a native Gemini client?',
        {
          argument: 'client',
        },
      );
    }
    const expireTime = cache.expireTime ? Date.parse(cache.expireTime) : Number.NaN;
    const tokens = tokenCountToNumber({ count: cache.usageMetadata?.totalTokenCount });
    return {
      name: cache.name,
      expiresAt: new Date(Number.isNaN(expireTime) ? now() + ttlSeconds * 1000 : expireTime),
      tokens,
      breakEven: explicitCacheBreakEven({ model, cachedTokens: tokens, ttlSeconds, priceTable }),
    };
  };

  return {
    async cachedContentFor(prefix) {
      const key = createHash('sha256')
        .update(canonicalJson({ value: prefix }))
        .digest('hex');
      const existing = leases.get(key);
      if (existing) {
        try {
          const lease = await existing;
          if (lease.expiresAt.getTime() - renewBeforeSeconds * 1000 > now())
            return { ...lease, reused: true };
        } catch {
          // The create failed: try again below.
        }
        if (leases.get(key) !== existing) return this.cachedContentFor(prefix);
      }
      const made = create(prefix);
      leases.set(key, made);
      try {
        return { ...(await made), reused: false };
      } catch (error) {
        if (leases.get(key) === made) leases.delete(key);
        throw error;
      }
    },
    async clear() {
      const all = [...leases.values()];
      leases.clear();
      for (const lease of await Promise.allSettled(all)) {
        if (lease.status === 'fulfilled') await client.caches.delete?.({ name: lease.value.name });
      }
    },
  };
}
