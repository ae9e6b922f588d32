import type { CacheStore } from './cache-store.js';

/**
 * The few commands of a Redis client the store and the ledger use; an `ioredis` client fits as
 * it is. Typed structurally so this package loads without `ioredis` installed.
 */
export interface RedisLike {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: 'PX', milliseconds: number): Promise<unknown>;
  del(key: string): Promise<unknown>;
  rpush(key: string, value: string): Promise<unknown>;
  lrange(key: string, start: number, stop: number): Promise<string[]>;
}

/** What `redisStore` takes. */
export interface RedisStoreOptions {
  /**
   * A connected client (`new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 })`
   * from `ioredis`). Turning the offline queue off makes a command fail at once while the server
   * is down, instead of waiting for it, so calls go upstream without delay.
   */
  redis: RedisLike;
  /** Prefix of every key, so one Redis can hold other data too. Default `'gemgate:cache:'`. */
  prefix?: string | undefined;
}

/**
 * A `CacheStore` in Redis, for many processes sharing one cache. The TTL is kept by the server
 * (`SET key value PX ttl`), so an expired answer is gone for every process at once. When the
 * server is down or slow, `responseCache` answers from upstream, warns once, and uses Redis
 * again as soon as it answers.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { redisStore, responseCache } from '@gemgate/usage-cache';
 * const redis = new Redis('redis://127.0.0.1:6379', { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
 * const cache = responseCache({ store: redisStore({ redis }) });
 * ```
 */
export function redisStore({ redis, prefix = 'gemgate:cache:' }: RedisStoreOptions): CacheStore {
  return {
    async get({ key }) {
      return (await redis.get(prefix + key)) ?? undefined;
    },
    async set({ key, value, ttlMs }) {
      await redis.set(prefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    async delete({ key }) {
      await redis.del(prefix + key);
    },
  };
}
