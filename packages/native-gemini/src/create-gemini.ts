import {
  type ClientOptions,
  createTransport,
  resolveBaseURL,
  type ToolLoopClient,
  type Transport,
  toolLoopAdapterKey,
} from '@gemgate/core-transport';
import { clientLogger } from '@gemgate/core-transport/internal';
import { Caches } from './caches.js';
import { Chats } from './chats.js';
import { checkGeminiOptions } from './check-gemini-options.js';
import { Models } from './models.js';
import type { NativeContext } from './native-context.js';
import { createGeminiToolLoopAdapter } from './tool-loop-adapter.js';

/** What `createGemini` takes: the options of both clients, and the native route's own. Every field is optional. */
export interface GeminiOptions extends ClientOptions {
  /** Default `https://aihubmix.com/gemini` (or from `AIHUBMIX_BASE_URL`); a bare host gets `/gemini`. */
  baseURL?: string | undefined;
  /** Default `v1beta`; not added again when `baseURL` already ends with it. */
  apiVersion?: string | undefined;
  /**
   * How streams are requested. `sse` (default) adds `?alt=sse`; `json-array` reads Gemini's
   * streamed JSON array instead, for proxies that drop the `alt` parameter.
   */
  streamFormat?: 'sse' | 'json-array' | undefined;
}

/**
 * The native Gemini client: `models`, `caches`, `chats`, as in `@google/genai`. A
 * `ToolLoopClient`, so `@gemgate/tools` runs its tool loop on it.
 */
export interface Gemini extends ToolLoopClient {
  readonly models: Models;
  readonly caches: Caches;
  readonly chats: Chats;
  /** The transport underneath (base URL, raw requests through the same middleware). */
  readonly transport: Transport;
  /**
   * Closes the client's connections. Streams whose answer is open but not being read yet are
   * cancelled first (their `response` rejects with an `AbortedError`); a stream being read
   * keeps its connection until the loop ends or breaks.
   */
  close(): Promise<void>;
}

/**
 * Creates a native Gemini client for the AiHubMix gateway.
 *
 * @example
 * ```ts
 * import { createGemini } from '@gemgate/native-gemini';
 * const gemini = createGemini({ apiKey: process.env.AIHUBMIX_API_KEY });
 * const response = await gemini.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Hello' });
 * console.log(response.text);
 * ```
 */
export function createGemini(options: GeminiOptions = {}): Gemini {
  checkGeminiOptions({ options });
  const {
    apiKey,
    baseURL,
    apiVersion = 'v1beta',
    headers,
    appCode,
    timeout,
    maxRetries,
    retryOnTimeout,
    middleware,
    dispatcher,
    env,
    streamFormat = 'sse',
    lint,
  } = options;
  const logger = clientLogger({ logger: options.logger });
  const transport = createTransport({
    baseURL: resolveBaseURL({ baseURL, route: 'native', env }),
    apiKey,
    auth: 'goog-api-key',
    appCode,
    headers,
    timeout,
    maxRetries,
    retryOnTimeout,
    middleware,
    dispatcher,
    logger,
    env,
  });
  const alreadyVersioned = transport.baseURL.replace(/\/+$/, '').endsWith(`/${apiVersion}`);
  const context: NativeContext = {
    transport,
    apiPrefix: alreadyVersioned ? '' : `${apiVersion}/`,
    logger,
    streamFormat,
    lintFix: lint?.fix === true,
  };
  const models = new Models({ context });
  return {
    models,
    [toolLoopAdapterKey]: ({ model }) => createGeminiToolLoopAdapter({ client: { models }, model }),
    caches: new Caches({ context }),
    chats: new Chats({ models, context }),
    transport,
    // The transport ends the streams nobody reads yet before it closes its connections.
    close: () => transport.close(),
  };
}
