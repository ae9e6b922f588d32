import type { LintOptions } from './catalog/lint-request.js';
import type { Logger, Middleware, TimeoutOptions, TransportOptions } from './transport-types.js';

/**
 * The options both clients take (`createGemini`, `createOpenAICompat`), each adding its own.
 * Every field is optional; any other is an `InvalidArgumentError` naming the right one.
 */
export interface ClientOptions {
  /** The AiHubMix key; defaults to `AIHUBMIX_API_KEY`. Never logged, never in an error. */
  apiKey?: string | undefined;
  /** The gateway's address; defaults to `AIHUBMIX_BASE_URL`, else the route's default on `https://aihubmix.com`. */
  baseURL?: string | undefined;
  /** Headers sent on every call. */
  headers?: Record<string, string> | undefined;
  /** The gateway's partner `APP-Code`; defaults to `AIHUBMIX_APP_CODE`. */
  appCode?: string | undefined;
  /** A number is the total timeout in ms (and bounds the first byte too); an object sets each layer. */
  timeout?: number | TimeoutOptions | undefined;
  /** Retries after the first try (429, 5xx, connection failures before an answer began). Default 2. */
  maxRetries?: number | undefined;
  /**
   * Send a generation again after a first-byte timeout (the upstream may already be generating,
   * and bill for it). Default `false`.
   */
  retryOnTimeout?: boolean | undefined;
  /** Steps every call goes through (a cache, a ledger, your own hooks), in order. */
  middleware?: readonly Middleware[] | undefined;
  /**
   * Receives warnings (a thinking budget the gateway advises against, settings a model ignores),
   * each distinct one once per client, and debug lines, free of secrets. Default: warnings to
   * `console.warn`, debug lines dropped.
   */
  logger?: Logger | undefined;
  /** An undici dispatcher instead of the shared keep-alive agent (proxies, tests). */
  dispatcher?: TransportOptions['dispatcher'];
  /** Environment to read defaults from. Default `process.env`. */
  env?: Record<string, string | undefined> | undefined;
  /**
   * The request linter, run before each generation leaves: `{ fix: true }` adjusts what can be
   * adjusted (with a warning) instead of refusing. Default: refuse.
   */
  lint?: LintOptions | undefined;
}
