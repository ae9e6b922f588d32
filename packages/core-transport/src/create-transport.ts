import type { Dispatcher } from 'undici';
import { backoffDelay } from './backoff-delay.js';
import { CallScope } from './call-scope.js';
import { createDispatcher } from './create-dispatcher.js';
import { encodeJsonWithBinary } from './encode-json-with-binary.js';
import { envelopeCheckedEvents } from './envelope-checked-events.js';
import { errorFromResponse } from './error-from-response.js';
import { errorOfEnvelope } from './error-of-envelope.js';
import {
  AbortedError,
  type GemgateError,
  InvalidArgumentError,
  ResponseValidationError,
  TimeoutError,
} from './errors.js';
import { mapNetworkError } from './map-network-error.js';
import { parseRetryDelay } from './parse-retry-delay.js';
import { preciseTimeoutBelowMs } from './precise-timeout.js';
import { redactJsonSyntaxError, redactSecrets } from './redact-secrets.js';
import { resolveApiKey, resolveAppCode } from './resolve-config.js';
import { isWireEvents, type ResponseBodyStream, streamEvents } from './stream-events.js';
import type {
  Next,
  RequestBody,
  TimeoutOptions,
  Transport,
  TransportOptions,
  TransportRequest,
  TransportResponse,
} from './transport-types.js';
import { UnreadStreams } from './unread-streams.js';

const defaultTimeouts = { total: 600_000, firstByte: 60_000, chunkGap: 60_000 };
type Timeouts = typeof defaultTimeouts;

/** A failed try, with what the retry rule needs to know about it. */
interface FailedAttempt {
  failed: true;
  error: GemgateError;
  retryAfterMs: number | undefined;
}

/**
 * Creates a transport for one route of the gateway: undici with a keep-alive agent
 * (or the env proxy agent when `HTTPS_PROXY` is set), exactly one auth header, layered
 * timeouts, retries with backoff that honour the upstream's `Retry-After`, the middleware
 * chain, typed errors and stream decoding. Without `apiKey`, `AIHUBMIX_API_KEY` is used;
 * when neither is set, every request rejects with an `AuthenticationError` and nothing is sent.
 *
 * @example
 * ```ts
 * import { createTransport } from '@gemgate/core-transport';
 * const transport = createTransport({ baseURL: 'https://aihubmix.com/v1', auth: 'bearer' });
 * const response = await transport.request({ method: 'GET', path: 'models' });
 * if (response.kind === 'json') console.log(response.status, response.body);
 * await transport.close();
 * ```
 */
export function createTransport(options: TransportOptions): Transport {
  const {
    auth,
    maxRetries: defaultMaxRetries = 2,
    middleware = [],
    logger,
    env = process.env,
    backoff = {},
  } = options;
  const baseURL = options.baseURL.replace(/\/+$/, '');
  const base = parseBaseURL({ baseURL, apiKey: options.apiKey ?? env.AIHUBMIX_API_KEY });
  const origin = base.origin;
  const basePath = base.pathname.replace(/\/+$/, '');
  // A query on the base URL (which `resolveBaseURL` keeps) goes on every call.
  const baseQuery = base.search.slice(1);
  const transportTimeouts = resolveTimeouts(defaultTimeouts, options.timeout);
  checkMaxRetries(defaultMaxRetries);
  // undici takes ~90 ms to import (more than a whole client without it), so the transport's
  // own agent is loaded with the first call: importing a client stays cheap for a CLI or a
  // cold start, and the first call pays once. A dispatcher passed in is used as it is.
  let dispatcher: Dispatcher | undefined = options.dispatcher;
  let ownDispatcher: Promise<Dispatcher> | undefined;
  let closed = false;
  const loadDispatcher = async (): Promise<Dispatcher> => {
    ownDispatcher ??= createDispatcher({ env }).then(async (agent) => {
      // Closed before its first call: the agent is closed at once, so no socket outlives close().
      if (closed) await agent.close();
      return agent;
    });
    dispatcher = await ownDispatcher;
    return dispatcher;
  };
  const maxServerDelay = backoff.maxServerDelay ?? 60_000;

  let apiKey = options.apiKey;
  let missingKey: GemgateError | undefined;
  if (auth !== 'none') {
    try {
      apiKey = resolveApiKey({ apiKey: options.apiKey, env });
    } catch (error) {
      missingKey = error as GemgateError;
    }
  }
  const appCode = resolveAppCode({ appCode: options.appCode, env });
  const secrets = [apiKey, appCode].filter((secret): secret is string => typeof secret === 'string');

  const baseHeaders: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(options.headers ?? {})) baseHeaders[name.toLowerCase()] = value;
  applyAuth({ headers: baseHeaders, auth, apiKey });
  if (appCode) baseHeaders['app-code'] = appCode;
  // One shared object for the common case (a JSON body, no per-call headers): no copy per call.
  const jsonHeaders: Record<string, string> = { ...baseHeaders, 'content-type': 'application/json' };

  const send: Next = async (request) => {
    if (missingKey) throw missingKey;
    const timeouts = resolveTimeouts(transportTimeouts, request.timeout);
    const maxRetries =
      request.maxRetries === undefined ? defaultMaxRetries : checkMaxRetries(request.maxRetries);
    const path = buildPath({ basePath, baseQuery, path: request.path, query: request.query });
    const encoded = encodeBody({
      body: request.body,
      baseHeaders,
      jsonHeaders,
      extraHeaders: request.headers,
      auth,
    });
    const scope = new CallScope({ callerSignal: request.signal, totalTimeout: timeouts.total });
    let handedOff = false;
    try {
      for (let attempt = 0; ; attempt++) {
        logger?.debug('gemgate request', {
          method: request.method,
          path: redactSecrets(path, secrets),
          attempt,
        });
        let outcome: TransportResponse | FailedAttempt;
        try {
          outcome = await sendOnce({ request, path, encoded, scope, timeouts });
        } catch (error) {
          outcome = {
            failed: true,
            error: mapNetworkError({ error, timeouts, secrets }),
            retryAfterMs: undefined,
          };
        }
        if (!('failed' in outcome)) {
          handedOff = outcome.kind === 'stream';
          return outcome;
        }
        const { error, retryAfterMs } = outcome;
        const endsTheCall = isEndOfCall(error);
        // A byte stream cannot be replayed, the caller or the total timeout ended the call,
        // or the upstream asked for a longer wait than we accept: give the error back now.
        if (
          !error.isRetryable ||
          attempt >= maxRetries ||
          encoded.replayable === false ||
          endsTheCall ||
          (retryAfterMs !== undefined && retryAfterMs > maxServerDelay)
        ) {
          throw error;
        }
        const delay = retryAfterMs ?? backoffDelay({ attempt, ...backoff });
        if (delay >= scope.remaining()) throw error;
        logger?.debug('gemgate retry', {
          attempt: attempt + 1,
          delayMs: delay,
          statusCode: error.statusCode,
          error: redactSecrets(error.message, secrets),
        });
        await scope.sleep(delay);
      }
    } finally {
      if (!handedOff) scope.dispose();
    }
  };

  async function sendOnce({
    request,
    path,
    encoded,
    scope,
    timeouts,
  }: {
    request: TransportRequest;
    path: string;
    encoded: EncodedBody;
    scope: CallScope;
    timeouts: Timeouts;
  }): Promise<TransportResponse | FailedAttempt> {
    // A streamed body is wrapped only when a precise first-byte timer must hear of its end.
    const watchBody = typeof encoded.body === 'object' && timeouts.firstByte < preciseTimeoutBelowMs;
    const attempt = scope.attempt({ firstByteMs: timeouts.firstByte, afterBody: watchBody });
    let response: Dispatcher.ResponseData;
    try {
      response = await (dispatcher ?? (await loadDispatcher())).request({
        origin,
        path,
        method: request.method,
        headers: encoded.headers,
        // undici streams any async iterable; its type only names Readable.
        body: (watchBody
          ? thenCall({ chunks: encoded.body as AsyncIterable<Uint8Array>, onEnd: attempt.bodySent })
          : encoded.body) as Dispatcher.DispatchOptions['body'],
        signal: attempt.signal,
        // undici reads 0 as "no limit" and rejects Infinity.
        headersTimeout: Number.isFinite(timeouts.firstByte) ? timeouts.firstByte : 0,
        bodyTimeout: Number.isFinite(timeouts.chunkGap) ? timeouts.chunkGap : 0,
      });
    } finally {
      attempt.headersArrived();
    }
    const status = response.statusCode;
    const headers = flattenHeaders(response.headers);
    const requestId = headers['x-request-id'];
    if (status < 200 || status >= 300) {
      // Read the whole body, even of an event-stream error, so the socket goes back to the pool.
      const text = await response.body.text();
      const error = errorFromResponse({ status, headers, body: text, secrets });
      return { failed: true, error, retryAfterMs: parseRetryDelay({ headers, body: error.responseBody }) };
    }
    if (request.stream) {
      return {
        kind: 'stream',
        status,
        headers,
        requestId,
        events: streamEvents({
          body: response.body as unknown as ResponseBodyStream,
          format: request.stream,
          scope,
          secrets,
          headers,
          timeouts,
        }),
      };
    }
    const text = await response.body.text();
    const body = parseJsonBody({ text, status, requestId, secrets });
    // Gateways sometimes wrap an upstream failure in a 200: it is still that failure, and as
    // retryable as its envelope's code says (the same check runs again above the middleware).
    const error = errorOfEnvelope({ status, headers, body, secrets });
    if (error)
      return { failed: true, error, retryAfterMs: parseRetryDelay({ headers, body: error.responseBody }) };
    return { kind: 'json', status, headers, requestId, body };
  }

  let closing: Promise<void> | undefined;
  const chain = middleware.reduceRight<Next>((next, step) => (request) => step(request, next), send);
  const unreadStreams = new UnreadStreams();

  return {
    baseURL,
    // Without middleware, `send` has already checked the envelope.
    request:
      middleware.length === 0
        ? send
        : async (request) => {
            const response = await chain(request);
            if (response.kind !== 'json') {
              if (isWireEvents(response.events)) return response;
              const { events, headers } = response;
              return { ...response, events: envelopeCheckedEvents({ events, headers, secrets }) };
            }
            // A middleware answered (a cache, a stand-in): the same check as on the wire, so both
            // clients raise the typed error rather than read an answer that is not there.
            const error = errorOfEnvelope({
              status: response.status,
              headers: response.headers,
              body: response.body,
              secrets,
            });
            if (error) throw error;
            return response;
          },
    holdUnreadStream: (hold) => unreadStreams.add(hold),
    close() {
      // Closing twice is a no-op that waits for the first close, not undici's ClientDestroyedError.
      closing ??= (async () => {
        closed = true;
        await unreadStreams.endAll(new AbortedError('The client was closed before this stream was read.'));
        // A call that loads the agent after this point gets undici's ClientDestroyedError, as before.
        if (ownDispatcher) await (await ownDispatcher).close();
      })();
      return closing;
    },
  };
}

/** The caller aborted or the total timeout fired: no retry can help. */
function isEndOfCall(error: unknown): boolean {
  if (AbortedError.isInstance(error)) return true;
  return TimeoutError.isInstance(error) && error.phase === 'total';
}

interface EncodedBody {
  headers: Record<string, string>;
  body: string | AsyncIterable<Uint8Array> | undefined;
  replayable: boolean;
}

function encodeBody({
  body,
  baseHeaders,
  jsonHeaders,
  extraHeaders,
  auth,
}: {
  body: unknown;
  baseHeaders: Record<string, string>;
  jsonHeaders: Record<string, string>;
  extraHeaders: Record<string, string> | undefined;
  auth: TransportOptions['auth'];
}): EncodedBody {
  let headers: Record<string, string>;
  let encoded: string | AsyncIterable<Uint8Array> | undefined;
  let replayable = true;
  const marked = isRequestBody(body) ? body : undefined;
  if (body === undefined) {
    headers = baseHeaders;
  } else if (marked?.kind === 'bytes') {
    // Streamed as it is read (the media package sends large files this way): never buffered,
    // and therefore never retried, since the bytes cannot be read twice.
    headers = { ...baseHeaders, 'content-type': marked.contentType, 'content-length': String(marked.length) };
    encoded = marked.stream;
    replayable = false;
  } else if (marked?.kind === 'json-with-binary') {
    // Marked by the client that saw a binary slot, so a plain JSON body is never walked here.
    const binary = encodeJsonWithBinary({ value: marked.value });
    headers = { ...jsonHeaders, 'content-length': String(binary.length) };
    // Each try iterates anew, which opens every source again; one-shot sources are tried once.
    encoded = { [Symbol.asyncIterator]: () => binary.chunks()[Symbol.asyncIterator]() };
    replayable = binary.replayable;
  } else {
    headers = jsonHeaders;
    encoded = JSON.stringify(marked?.kind === 'json' ? marked.value : body);
  }
  if (extraHeaders) {
    headers = { ...headers };
    for (const [name, value] of Object.entries(extraHeaders)) {
      const lower = name.toLowerCase();
      // The gateway rejects redundant auth: a per-call header never adds a second scheme.
      if (auth !== 'none' && (lower === 'authorization' || lower === 'x-goog-api-key')) continue;
      headers[lower] = value;
    }
  }
  return { headers, body: encoded, replayable };
}

function isRequestBody(body: unknown): body is RequestBody {
  if (typeof body !== 'object' || body === null) return false;
  const kind = (body as { kind?: unknown }).kind;
  if (kind === 'bytes') {
    const candidate = body as { stream?: unknown; length?: unknown };
    return typeof candidate.length === 'number' && typeof candidate.stream === 'object';
  }
  return (
    (kind === 'json' || kind === 'json-with-binary') && 'value' in body && Object.keys(body).length === 2
  );
}

function applyAuth({
  headers,
  auth,
  apiKey,
}: {
  headers: Record<string, string>;
  auth: TransportOptions['auth'];
  apiKey: string | undefined;
}): void {
  if (auth === 'none') return;
  // Exactly one auth header: the gateway rejects a request that carries both.
  delete headers.authorization;
  delete headers['x-goog-api-key'];
  if (apiKey === undefined) return;
  if (auth === 'bearer') headers.authorization = `Bearer ${apiKey}`;
  else headers['x-goog-api-key'] = apiKey;
}

function resolveTimeouts(base: Timeouts, timeout: number | TimeoutOptions | undefined): Timeouts {
  if (timeout === undefined) return base;
  if (typeof timeout === 'number') return { ...base, total: checkTimeout('timeout', timeout) };
  return {
    total: checkTimeout('timeout.total', timeout.total ?? base.total),
    firstByte: checkTimeout('timeout.firstByte', timeout.firstByte ?? base.firstByte),
    chunkGap: checkTimeout('timeout.chunkGap', timeout.chunkGap ?? base.chunkGap),
  };
}

/** A timeout is a positive number of milliseconds; `Infinity` means no limit. */
function checkTimeout(argument: string, value: number): number {
  // NaN or 0 would fire at once on every call; a negative value is a typo.
  if (typeof value !== 'number' || !(value > 0)) {
    throw new InvalidArgumentError(
      `${argument} must be a positive number of milliseconds (Infinity for no limit), got ${String(value)}.`,
      { argument },
    );
  }
  return value;
}

/** `maxRetries` counts retries after the first try: NaN or Infinity would retry forever. */
function checkMaxRetries(value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError(`maxRetries must be a whole number of 0 or more, got ${String(value)}.`, {
      argument: 'maxRetries',
    });
  }
  return value;
}

function parseBaseURL({ baseURL, apiKey }: { baseURL: string; apiKey: string | undefined }): URL {
  try {
    return new URL(baseURL);
  } catch {
    // Quoted back to the caller, so a key pasted into the URL by mistake is scrubbed first.
    const quoted = redactSecrets(baseURL, apiKey === undefined ? [] : [apiKey]);
    throw new InvalidArgumentError(
      `baseURL "${quoted}" is not a URL: pass something like "https://aihubmix.com/gemini" (resolveBaseURL completes a bare host).`,
      { argument: 'baseURL' },
    );
  }
}

/** Hands the chunks on, then calls `onEnd` once undici has taken the last one. */
async function* thenCall({
  chunks,
  onEnd,
}: {
  chunks: AsyncIterable<Uint8Array>;
  onEnd: () => void;
}): AsyncGenerator<Uint8Array> {
  yield* chunks;
  onEnd();
}

function buildPath({
  basePath,
  baseQuery,
  path,
  query,
}: {
  basePath: string;
  baseQuery: string;
  path: string;
  query: TransportRequest['query'];
}): string {
  let full = `${basePath}/${path.charCodeAt(0) === 47 ? path.replace(/^\/+/, '') : path}`;
  if (baseQuery !== '') full += `${full.includes('?') ? '&' : '?'}${baseQuery}`;
  if (query) {
    let separator = full.includes('?') ? '&' : '?';
    for (const name in query) {
      const value = query[name];
      if (value === undefined) continue;
      full += `${separator}${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`;
      separator = '&';
    }
  }
  return full;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    flat[name] = typeof value === 'string' ? value : value.join(', ');
  }
  return flat;
}

function parseJsonBody({
  text,
  status,
  requestId,
  secrets,
}: {
  text: string;
  status: number;
  requestId: string | undefined;
  secrets: readonly string[];
}): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ResponseValidationError(
      redactSecrets(`The ${status} answer is not JSON: ${text.slice(0, 200)}`, secrets),
      { statusCode: status, requestId, cause: redactJsonSyntaxError(cause) },
    );
  }
}
