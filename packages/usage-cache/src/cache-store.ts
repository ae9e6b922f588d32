/**
 * Where `responseCache` keeps answers: serialized text under a key, for a time. Implement it to
 * use another backend; `memoryStore` and `redisStore` are the two built in. A store may throw or
 * reject (a server down): the cache then answers from upstream and warns once.
 */
export interface CacheStore {
  /** The text stored under `key`, or `undefined` when there is none or it expired. */
  get({ key }: { key: string }): Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlMs` milliseconds. */
  set({ key, value, ttlMs }: { key: string; value: string; ttlMs: number }): Promise<void>;
  /** Forgets `key`. */
  delete({ key }: { key: string }): Promise<void>;
  /**
   * `true` for a store in this process that cannot hang (`memoryStore`): `responseCache` then
   * starts no `storeTimeout` timer around its operations, which is most of a hit's cost.
   */
  readonly inProcess?: boolean | undefined;
  /**
   * Optional synchronous twin of `get`, for a store in this process. `responseCache` uses it
   * when present, so a lookup costs no promise and no turn of the event loop (`memoryStore`).
   */
  getSync?(parameters: { key: string }): string | undefined;
  /** Optional synchronous twin of `set`, used the same way as `getSync`. */
  setSync?(parameters: { key: string; value: string; ttlMs: number }): void;
}
