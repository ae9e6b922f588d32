import type { ErrorReply } from '../http/error-reply.js';
import { stableId } from '../text/hash.js';
import { countNativePrompt, type NativeContent } from './native-prompt.js';

/** An explicit cache (`cachedContents/<id>`) as the mock stores it. */
export interface StoredCache {
  name: string;
  model: string;
  displayName: string | undefined;
  contents: NativeContent[];
  systemInstruction: unknown;
  tools: unknown;
  toolConfig: unknown;
  totalTokens: number;
  createTime: number;
  updateTime: number;
  expireTime: number;
}

const defaultTtlMs = 3_600_000;
const notFound: ErrorReply = { status: 403, message: 'CachedContent not found (or permission denied)' };

/**
 * The `cachedContents` resource: create, get, list, patch (ttl / expireTime) and delete, with
 * expiry respected on every access.
 */
export class CachedContents {
  readonly #caches = new Map<string, StoredCache>();
  readonly #now: () => number;
  #created = 0;

  constructor({ now }: { now: () => number }) {
    this.#now = now;
  }

  /** A live cache by `cachedContents/<id>` name, or `undefined` when missing or expired. */
  find(name: string): StoredCache | undefined {
    const cache = this.#caches.get(name);
    if (!cache) return undefined;
    if (cache.expireTime <= this.#now()) {
      this.#caches.delete(name);
      return undefined;
    }
    return cache;
  }

  create(body: Record<string, any>): { status: number; body: unknown } | { error: ErrorReply } {
    if (typeof body.model !== 'string' || body.model === '') {
      return { error: { status: 400, message: 'CachedContent.model is required.' } };
    }
    const expiry = this.#expiryFrom(body);
    if ('error' in expiry) return expiry;
    const model = body.model.startsWith('models/') ? body.model : `models/${body.model}`;
    const contents: NativeContent[] = Array.isArray(body.contents) ? body.contents : [];
    const prompt = countNativePrompt({
      systemInstruction: body.systemInstruction,
      tools: body.tools,
      contents,
      mediaResolution: undefined,
    });
    const now = this.#now();
    this.#created += 1;
    const name = `cachedContents/${stableId({ text: `${model}:${this.#created}:${now}`, length: 12 })}`;
    const cache: StoredCache = {
      name,
      model,
      displayName: body.displayName,
      contents,
      systemInstruction: body.systemInstruction,
      tools: body.tools,
      toolConfig: body.toolConfig,
      totalTokens: prompt.blocks.reduce((sum, block) => sum + block.tokens, 0),
      createTime: now,
      updateTime: now,
      expireTime: expiry.expireTime ?? now + defaultTtlMs,
    };
    this.#caches.set(name, cache);
    return { status: 200, body: describe(cache) };
  }

  get({ name }: { name: string }): { status: number; body: unknown } | { error: ErrorReply } {
    const cache = this.find(name);
    return cache ? { status: 200, body: describe(cache) } : { error: notFound };
  }

  list({ pageSize, pageToken }: { pageSize: number; pageToken: string | undefined }) {
    const live = [...this.#caches.keys()]
      .map((name) => this.find(name))
      .filter((cache) => cache !== undefined);
    const start = pageToken ? Number(Buffer.from(pageToken, 'base64url').toString()) || 0 : 0;
    const page = live.slice(start, start + pageSize);
    const next =
      start + pageSize < live.length
        ? Buffer.from(String(start + pageSize)).toString('base64url')
        : undefined;
    return {
      status: 200,
      body: { cachedContents: page.map(describe), ...(next ? { nextPageToken: next } : {}) },
    };
  }

  update({
    name,
    body,
  }: {
    name: string;
    body: Record<string, any>;
  }): { status: number; body: unknown } | { error: ErrorReply } {
    const cache = this.find(name);
    if (!cache) return { error: notFound };
    const expiry = this.#expiryFrom(body);
    if ('error' in expiry) return expiry;
    if (expiry.expireTime !== undefined) cache.expireTime = expiry.expireTime;
    cache.updateTime = this.#now();
    return { status: 200, body: describe(cache) };
  }

  delete({ name }: { name: string }): { status: number; body: unknown } | { error: ErrorReply } {
    if (!this.find(name)) return { error: notFound };
    this.#caches.delete(name);
    return { status: 200, body: {} };
  }

  clear(): void {
    this.#caches.clear();
  }

  #expiryFrom(body: Record<string, any>): { expireTime: number | undefined } | { error: ErrorReply } {
    if (typeof body.ttl === 'string') {
      const match = /^(\d+(?:\.\d+)?)s$/.exec(body.ttl);
      if (!match) {
        return {
          error: {
            status: 400,
            message: `Invalid value at 'cached_content.ttl' (type.googleapis.com/google.protobuf.Duration), Field 'ttl', Illegal duration format; duration must end with 's'`,
          },
        };
      }
      return { expireTime: this.#now() + Number(match[1]) * 1000 };
    }
    if (typeof body.expireTime === 'string') {
      const time = Date.parse(body.expireTime);
      if (Number.isNaN(time)) {
        return {
          error: {
            status: 400,
            message: `Invalid value at 'cached_content.expire_time' (type.googleapis.com/google.protobuf.Timestamp), Field 'expireTime', Invalid time format`,
          },
        };
      }
      return { expireTime: time };
    }
    return { expireTime: undefined };
  }
}

function describe(cache: StoredCache) {
  return {
    name: cache.name,
    model: cache.model,
    ...(cache.displayName ? { displayName: cache.displayName } : {}),
    createTime: new Date(cache.createTime).toISOString(),
    updateTime: new Date(cache.updateTime).toISOString(),
    expireTime: new Date(cache.expireTime).toISOString(),
    usageMetadata: { totalTokenCount: cache.totalTokens },
  };
}
