import type { Dispatcher } from 'undici';
import type { AbortSource } from './abort-listeners.js';
import type { BackoffOptions } from './backoff-delay.js';
import type { CallContext } from './call-context.js';
import type { UnreadStreamHold } from './unread-streams.js';

/** How a route authenticates. The gateway rejects redundant auth, so exactly one is sent. */
export type AuthScheme =
  /** `Authorization: Bearer <key>`: the OpenAI-compatible route. */
  | 'bearer'
  /** `x-goog-api-key: <key>`: the native Gemini route. */
  | 'goog-api-key'
  /** No auth header (a local server, or auth added by middleware). */
  | 'none';

/** How a response body is decoded. */
export type StreamFormat =
  /** Server-sent events: `data:` lines, blank-line separated; `[DONE]` ends the stream. */
  | 'sse'
  /** Gemini's streamed JSON array (`:streamGenerateContent` without `alt=sse`): one event per element. */
  | 'json-array';

/**
 * Layered timeouts in milliseconds. Each, when it fires, raises a `TimeoutError` naming it.
 * Each must be a positive number; `Infinity` turns that layer off. A layer at least as long as
 * `total` is off too: the total fires first. A plain number passed as `timeout` is the total,
 * and the first byte may take as long (a stream's 60 s first-byte default no longer applies).
 */
export interface TimeoutOptions {
  /** The whole call, retries included, until the last byte. Default 600_000 (10 minutes). */
  total?: number | undefined;
  /**
   * From sending the request (all of a streamed body) to the answer's headers. Default 60_000
   * for a stream; a non-streamed call waits as long as `total` allows, since a thinking model
   * sends nothing until its answer is ready.
   */
  firstByte?: number | undefined;
  /**
   * The longest silence between two chunks of the answer's body. Default 60_000 for a stream;
   * as long as `total` allows for a non-streamed call (a proxy may send the headers early).
   */
  chunkGap?: number | undefined;
}

/** A structured logger; every line it receives is already free of secrets. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * A request body: a JSON value; a JSON value whose string values may be `BinarySlot`s, sent
 * streamed with its exact length (the base64 of a large file is never held in memory); or a
 * stream of bytes with a known length (never buffered).
 */
export type RequestBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'json-with-binary'; value: unknown }
  | { kind: 'bytes'; stream: AsyncIterable<Uint8Array>; length: number; contentType: string };

/** One call, as middleware sees it. */
export interface TransportRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  /** Path relative to the base URL, e.g. `v1beta/models/gemini-2.5-flash:generateContent`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined> | undefined;
  /** A JSON value (sent as JSON) or a `RequestBody`. */
  body?: unknown;
  /** Extra headers for this call only. */
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
  /**
   * A cheaper stand-in for `signal` (creating an `AbortSignal` costs about 10 µs on Node 20):
   * gemgate's own streams send theirs with one. The transport listens to it before `signal`;
   * a middleware that needs an `AbortSignal` reads `signal`, which such requests make on demand.
   */
  abortSource?: AbortSource | undefined;
  /** Decode the answer as a stream of events instead of one JSON value. */
  stream?: StreamFormat | false | undefined;
  /** Per-call overrides. */
  timeout?: number | TimeoutOptions | undefined;
  maxRetries?: number | undefined;
  /** Per-call override of `TransportOptions.retryOnTimeout`. */
  retryOnTimeout?: boolean | undefined;
  /** What the call is (route, operation, model, streamed or not); both clients set it on every call. */
  context?: CallContext | undefined;
}

interface TransportResponseBase {
  status: number;
  headers: Record<string, string>;
  /** The gateway's request id (`x-request-id`), when it sent one. */
  requestId: string | undefined;
}

/** A complete JSON answer. */
export interface JsonTransportResponse extends TransportResponseBase {
  kind: 'json';
  /** The parsed body (`undefined` for an empty 2xx body). */
  body: unknown;
  /**
   * The text the transport parsed `body` from, paired with that very `body`: a cache can keep
   * the answer as it came, without serializing it again. Trust `text` only while
   * `wire.body === body`; a middleware that answers with another body leaves the pair behind
   * (and may drop it), and no middleware should edit a `body` in place.
   */
  wire?: { readonly text: string; readonly body: unknown } | undefined;
}

/**
 * A streamed answer; iterate `events` once. Each event is the parsed JSON of one SSE `data`
 * or array element. To drop a stream without reading it, call
 * `events[Symbol.asyncIterator]().return()`: that frees its socket at once.
 */
export interface StreamTransportResponse extends TransportResponseBase {
  kind: 'stream';
  events: AsyncIterable<unknown>;
}

export type TransportResponse = JsonTransportResponse | StreamTransportResponse;

/** The next step of the chain: the rest of the middleware, then the wire. */
export type Next = (request: TransportRequest) => Promise<TransportResponse>;

/**
 * Middleware wraps every call: it may change the request, answer it itself (a cache),
 * or observe the response (a ledger). A factory taking options and returning one of these
 * is the pattern for every middleware in gemgate.
 */
export type Middleware = (request: TransportRequest, next: Next) => Promise<TransportResponse>;

/** What `createTransport` takes. */
export interface TransportOptions {
  /** The route's base URL, with or without a trailing slash. */
  baseURL: string;
  /** The API key; defaults to `AIHUBMIX_API_KEY`. Never logged, never in an error. */
  apiKey?: string | undefined;
  auth: AuthScheme;
  /** The gateway's optional partner `APP-Code`; defaults to `AIHUBMIX_APP_CODE`. */
  appCode?: string | undefined;
  /** Headers sent on every call. */
  headers?: Record<string, string> | undefined;
  /**
   * A number is the whole call's limit in ms (the first byte may take that long too); an object
   * sets each layer. Anything else (a string such as `'5s'`, NaN, a negative number) is an
   * `InvalidArgumentError`.
   */
  timeout?: number | TimeoutOptions | undefined;
  /** Retries after the first try. Default 2. */
  maxRetries?: number | undefined;
  /**
   * Send a POST again after a timeout that fired once it was sent (its first byte was late).
   * Default `false`: the upstream may already be generating, and billing, that answer, so a
   * second send can cost twice for one reply. Set it for calls that are cheap to repeat.
   * Other methods (GET, DELETE, ...) are retried after a first-byte timeout either way.
   */
  retryOnTimeout?: boolean | undefined;
  /** Backoff between tries: first delay, cap, and the longest server-requested wait accepted. */
  backoff?: BackoffOptions | undefined;
  middleware?: readonly Middleware[] | undefined;
  /** An undici dispatcher to use instead of the shared keep-alive agent (proxies, tests). */
  dispatcher?: Dispatcher | undefined;
  logger?: Logger | undefined;
  /** Environment to read defaults from. Default `process.env`. */
  env?: Record<string, string | undefined> | undefined;
}

/** A configured connection to one route of the gateway. */
export interface Transport {
  readonly baseURL: string;
  /**
   * Sends a call through the middleware, then the wire. A 2xx JSON answer that is an error
   * envelope (`{ error: {...} }`), from the wire or from a middleware, rejects with the typed
   * error it describes.
   */
  request(request: TransportRequest): Promise<TransportResponse>;
  /**
   * Holds a stream whose answer is open but not read yet, weakly, so that `close()` can end it
   * (its socket would hold the close until the total timeout); gives the function that lets
   * go of it once it is read or over. `ResponseStream` calls it; nothing else needs to.
   */
  holdUnreadStream(hold: UnreadStreamHold): () => void;
  /**
   * Ends the streams nobody reads yet (their `final()` rejects with an `AbortedError`), then
   * closes the transport's own agent (not a dispatcher passed in).
   */
  close(): Promise<void>;
}
