import { InvalidArgumentError } from '@gemgate/core-transport';
import { checkNativeModel } from './check-native-model.js';
import type { Tool, ToolConfig } from './generate-content-config.js';
import { type CallOptions, modelResource, type NativeContext, requestJson } from './native-context.js';
import {
  type ContentInput,
  type ContentListInput,
  normalizeContent,
  normalizeContents,
} from './normalize-contents.js';
import { Pager } from './pager.js';
import { expirationFields } from './parse-ttl.js';
import { cachedContentSchema, listCachedContentsResponseSchema } from './response-schemas.js';
import { toTransportBody } from './to-transport-body.js';
import { validateResponse } from './validate-response.js';
import type { CachedContent } from './wire-types.js';

/** How long a cache lives: `ttl` (seconds, or `"300s"`) or `expireTime` (a Date or ISO string), not both. */
export interface CacheExpiration {
  ttl?: number | string | undefined;
  expireTime?: Date | string | undefined;
}

/** What `caches.create` puts in a cache. */
export interface CreateCachedContentConfig extends CacheExpiration, CallOptions {
  contents?: ContentListInput | undefined;
  systemInstruction?: ContentInput | undefined;
  tools?: Tool[] | undefined;
  toolConfig?: ToolConfig | undefined;
  displayName?: string | undefined;
}

/** `cachedContents/abc123` or `abc123`; nothing that would change the URL path (`/`, `?`, `..`). */
const cacheNamePattern = /^(?:cachedContents\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `cachedContents/abc` and `abc` both name the cache `cachedContents/abc`. */
function cacheResource(name: string): string {
  if (typeof name !== 'string' || !cacheNamePattern.test(name)) {
    throw new InvalidArgumentError(
      'name must be a cache name such as "cachedContents/abc123" (as caches.create returned it).',
      { argument: 'name' },
    );
  }
  return name.startsWith('cachedContents/') ? name : `cachedContents/${name}`;
}

/**
 * `caches.*`: explicit context caches. Use one by passing its `name` as
 * `config.cachedContent` to `generateContent` (sent at the top level of the request).
 */
export class Caches {
  readonly #context: NativeContext;

  /** @internal Built by `createGemini`. */
  constructor({ context }: { context: NativeContext }) {
    this.#context = context;
  }

  #validate(body: unknown, requestId: string | undefined): CachedContent {
    return validateResponse<CachedContent>({
      schema: cachedContentSchema,
      body,
      what: 'cachedContent',
      requestId,
    });
  }

  /**
   * Creates a cache (`POST cachedContents`).
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const gemini = createGemini({ apiKey: 'sk-...' });
   * const cache = await gemini.caches.create({
   *   model: 'gemini-2.5-flash',
   *   config: { contents: 'A long document...', systemInstruction: 'Answer from the document.', ttl: 300 },
   * });
   * await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Summarise it', config: { cachedContent: cache.name } });
   * ```
   */
  async create({
    model,
    config = {},
  }: {
    model: string;
    config?: CreateCachedContentConfig;
  }): Promise<CachedContent> {
    checkNativeModel({ model });
    const { contents, systemInstruction, tools, toolConfig, displayName, ttl, expireTime } = config;
    const body: Record<string, unknown> = {
      model: modelResource(model),
      ...expirationFields({ ttl, expireTime }),
    };
    if (contents !== undefined) body.contents = normalizeContents({ contents, argument: 'config.contents' });
    if (systemInstruction !== undefined) {
      body.systemInstruction = normalizeContent({
        content: systemInstruction,
        argument: 'config.systemInstruction',
      });
    }
    if (tools !== undefined) body.tools = tools;
    if (toolConfig !== undefined) body.toolConfig = toolConfig;
    if (displayName !== undefined) body.displayName = displayName;
    const answer = await requestJson({
      context: this.#context,
      call: config,
      operation: 'caches.create',
      model,
      request: { method: 'POST', path: 'cachedContents', body: toTransportBody({ body }) },
    });
    return this.#validate(answer.body, answer.requestId);
  }

  /**
   * Reads a cache's metadata (`GET cachedContents/{id}`).
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const gemini = createGemini({ apiKey: 'sk-...' });
   * const cache = await gemini.caches.get({ name: 'cachedContents/abc123' });
   * console.log(cache.expireTime);
   * ```
   */
  async get({ name, config }: { name: string; config?: CallOptions | undefined }): Promise<CachedContent> {
    const answer = await requestJson({
      context: this.#context,
      call: config,
      operation: 'caches.get',
      request: { method: 'GET', path: cacheResource(name) },
    });
    return this.#validate(answer.body, answer.requestId);
  }

  /**
   * Lists the caches, page by page (`GET cachedContents`).
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const gemini = createGemini({ apiKey: 'sk-...' });
   * for await (const cache of await gemini.caches.list()) console.log(cache.name, cache.expireTime);
   * ```
   */
  async list({
    config,
  }: {
    config?: (CallOptions & { pageSize?: number | undefined }) | undefined;
  } = {}): Promise<Pager<CachedContent>> {
    const fetchPage = async (pageToken: string | undefined) => {
      const answer = await requestJson({
        context: this.#context,
        call: config,
        operation: 'caches.list',
        request: { method: 'GET', path: 'cachedContents', query: { pageSize: config?.pageSize, pageToken } },
      });
      const body = validateResponse<{ cachedContents?: CachedContent[]; nextPageToken?: string }>({
        schema: listCachedContentsResponseSchema,
        body: answer.body ?? {},
        what: 'cachedContents list',
        requestId: answer.requestId,
      });
      return { items: body.cachedContents ?? [], nextPageToken: body.nextPageToken };
    };
    return new Pager({ first: await fetchPage(undefined), fetchPage });
  }

  /**
   * Changes a cache's lifetime (`PATCH cachedContents/{id}`); only the expiration can change.
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const gemini = createGemini({ apiKey: 'sk-...' });
   * await gemini.caches.update({ name: 'cachedContents/abc123', config: { ttl: '600s' } });
   * ```
   */
  async update({
    name,
    config,
  }: {
    name: string;
    config: CacheExpiration & CallOptions;
  }): Promise<CachedContent> {
    const expiration = expirationFields({ ttl: config?.ttl, expireTime: config?.expireTime });
    const [field] = Object.keys(expiration);
    if (!field) {
      throw new InvalidArgumentError('caches.update needs config.ttl or config.expireTime.', {
        argument: 'config.ttl',
      });
    }
    const answer = await requestJson({
      context: this.#context,
      call: config,
      operation: 'caches.update',
      request: { method: 'PATCH', path: cacheResource(name), query: { updateMask: field }, body: expiration },
    });
    return this.#validate(answer.body, answer.requestId);
  }

  /**
   * Deletes a cache (`DELETE cachedContents/{id}`).
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const gemini = createGemini({ apiKey: 'sk-...' });
   * await gemini.caches.delete({ name: 'cachedContents/abc123' });
   * ```
   */
  async delete({ name, config }: { name: string; config?: CallOptions | undefined }): Promise<void> {
    await requestJson({
      context: this.#context,
      call: config,
      operation: 'caches.delete',
      request: { method: 'DELETE', path: cacheResource(name) },
    });
  }
}
