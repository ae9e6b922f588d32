import { InvalidArgumentError } from '@gemgate/core-transport';
import { LRUCache } from 'lru-cache';
import type { CacheStore } from './cache-store.js';

/** What `memoryStore` takes. */
export interface MemoryStoreOptions {
  /** The most answers kept; the least recently used goes first. Default 1000. */
  maxEntries?: number | undefined;
  /** The most bytes (UTF-8 of the stored text) kept; the least recently used go first. Default 64 MiB. */
  maxBytes?: number | undefined;
  /** The clock expiry is read from. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** A `CacheStore` in this process's memory, with what it holds. */
export interface MemoryStore extends CacheStore {
  getSync(parameters: { key: string }): string | undefined;
  setSync(parameters: { key: string; value: string; ttlMs: number }): void;
  /** How many answers it holds. */
  readonly size: number;
  /** How many bytes they take. */
  readonly bytes: number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * A bounded in-memory LRU store (by entries and by bytes, on `lru-cache`), the default of
 * `responseCache`. Unlike an unbounded object keyed on the whole body, it cannot grow without
 * limit: past either bound the least recently used answers are dropped. Expiry is read on each
 * `get` from the `now` clock.
 *
 * @example
 * ```ts
 * import { memoryStore, responseCache } from '@gemgate/usage-cache';
 * const cache = responseCache({ store: memoryStore({ maxEntries: 500, maxBytes: 16 * 1024 * 1024 }) });
 * ```
 */
export function memoryStore({
  maxEntries = 1000,
  maxBytes = 64 * 1024 * 1024,
  now = Date.now,
}: MemoryStoreOptions = {}): MemoryStore {
  checkPositive({ value: maxEntries, argument: 'maxEntries' });
  checkPositive({ value: maxBytes, argument: 'maxBytes' });
  const entries = new LRUCache<string, Entry>({
    max: maxEntries,
    maxSize: maxBytes,
  });
  const getSync = ({ key }: { key: string }): string | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.value;
  };
  const setSync = ({ key, value, ttlMs }: { key: string; value: string; ttlMs: number }): void => {
    const size = Buffer.byteLength(value);
    // An answer larger than the whole budget is not stored (lru-cache would refuse it anyway),
    // and the older answer it was to replace goes: it is not the latest any more.
    if (size > maxBytes) {
      entries.delete(key);
      return;
    }
    entries.set(key, { value, expiresAt: now() + ttlMs }, { size: Math.max(1, size) });
  };
  return {
    inProcess: true,
    get size() {
      return entries.size;
    },
    get bytes() {
      return entries.calculatedSize;
    },
    getSync,
    setSync,
    async get({ key }) {
      return getSync({ key });
    },
    async set({ key, value, ttlMs }) {
      setSync({ key, value, ttlMs });
    },
    async delete({ key }) {
      entries.delete(key);
    },
  };
}

function checkPositive({ value, argument }: { value: number; argument: string }): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`${argument} must be a whole number of 1 or more, got ${String(value)}.`, {
      argument,
    });
  }
}
