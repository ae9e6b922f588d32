import type { Dispatcher } from 'undici';
import { backoffDelay } from './backoff-delay.js';
import { CallScope } from './call-scope.js';
import { checkHeaderValue } from './check-header-value.js';
import { createDispatcher } from './create-dispatcher.js';
import { encodeJsonWithBinary } from './encode-json-with-binary.js';
import { envelopeCheckedEvents } from './envelope-checked-events.js';
import { errorFromResponse, redactHeaders } from './error-from-response.js';
import { errorOfEnvelope } from './error-of-envelope.js';
import {
  AbortedError,
  type GemgateError,
  InvalidArgumentError,
  ResponseValidationError,
  TimeoutError,
} from './errors.js';
import { guardStreamContentType } from './guard-stream-content-type.js';
import { mapNetworkError } from './map-network-error.js';
import { parseRetryDelay } from './parse-retry-delay.js';
import { preciseTimeoutBelowMs } from './precise-timeout.js';
import { readAnswerText } from './read-answer-text.js';
import { redactJsonSyntaxError, redactSecrets } from './redact-secrets.js';
import { checkHttpScheme, resolveApiKey, resolveAppCode } from './resolve-config.js';
import { checkTimeoutSettings, resolveTimeouts, type Timeouts } from './resolve-timeouts.js';
import { isWireEvents, type ResponseBodyStream, streamEvents } from './stream-events.js';
import type {
  Next,
  RequestBody,
  Transport,
  TransportOptions,
  TransportRequest,
  TransportResponse,
} from './transport-types.js';
import { UnreadStreams } from './unread-streams.js';

/** Node fires a longer timer after 1 ms; undici's own timers are handed no more than this. */
const longestTimerMs = 2_147_483_647;

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
 * when neither is set, every request rejects with an `AuthenticationError` and nothing is sent,
 * and a key, app code or header HTTP cannot carry (a newline, a zero-width space, a smart
 * quote) makes every request reject with an `InvalidArgumentError` naming it.
 *
 * Defaults fit thinking models: a non-streamed call waits for its answer as long as its total
 * timeout (10 minutes) allows; a stream gives up after 60 s without its first byte or between
 * two chunks. A POST is never sent again once its 2xx headers arrived, nor (unless
 * `retryOnTimeout` is set) after a first-byte timeout, since the upstream may already be
 * generating, and billing, the answer.
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
    retryOnTimeout: defaultRetryOnTimeout = false,
  } = options;
  if (typeof options.baseURL !== 'string') {
    throw new InvalidArgumentError(
      `baseURL must be a string like "https://aihubmix.com/gemini", got ${typeof options.baseURL}.`,
      { argument: 'baseURL' },
    );
  }
  const baseURL = options.baseURL.replace(/\/+$/, '');
  const base = parseBaseURL({ baseURL, apiKey: options.apiKey ?? env.AIHUBMIX_API_KEY });
  const origin = base.origin;
  const basePath = base.pathname.replace(/\/+$/, '');
  // A query on the base URL (which `resolveBaseURL` keeps) goes on every call.
  const baseQuery = base.search.slice(1);
  const transportTimeouts = checkTimeoutSettings({ timeout: options.timeout, argument: 'timeout' });
  // Most calls set no timeout of their own: theirs are worked out once.
  const jsonTimeouts = resolveTimeouts({ settings: [transportTimeouts], stream: false });
  const streamTimeouts = resolveTimeouts({ settings: [transportTimeouts], stream: true });
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
  const secrets = secretsToRedact([apiKey, appCode]);

  const baseHeaders: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(options.headers ?? {})) baseHeaders[name.toLowerCase()] = value;
  applyAuth({ headers: baseHeaders, auth, apiKey });
  if (appCode) baseHeaders['app-code'] = appCode;
  // A key from an environment variable can be wrong too: like a missing key, a header HTTP
  // cannot carry rejects every request, before anything is sent, rather than the constructor.
  const badHeader = missingKey
    ? undefined
    : findBadHeader({ headers: baseHeaders, argumentOf: baseArgument });
  // One shared object for the common case (a JSON body, no per-call headers): no copy per call.
  const jsonHeaders: Record<string, string> = { ...baseHeaders, 'content-type': 'application/json' };

  const send: Next = async (request) => {
    if (missingKey) throw missingKey;
    if (badHeader) throw badHeader;
    const timeouts =
      request.timeout === undefined
        ? request.stream
          ? streamTimeouts
          : jsonTimeouts
        : resolveTimeouts({
            settings: [
              transportTimeouts,
              checkTimeoutSettings({ timeout: request.timeout, argument: 'timeout' }),
            ],
            stream: Boolean(request.stream),
          });
    const retryOnTimeout = request.retryOnTimeout ?? defaultRetryOnTimeout;
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
    const scope = new CallScope({
      callerSignal: request.abortSource ?? request.signal,
      totalTimeout: timeouts.total,
    });
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
        // a generation may already be under way upstream (and billed) when its first byte is
        // late, or the upstream asked for a longer wait than we accept: give the error back now.
        if (
          !error.isRetryable ||
          attempt >= maxRetries ||
          encoded.replayable === false ||
          endsTheCall ||
          (!retryOnTimeout && request.method === 'POST' && TimeoutError.isInstance(error)) ||
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
    // Loaded before the first-byte timer starts: the first call's import of undici is not the
    // upstream being slow.
    const agent = dispatcher ?? (await loadDispatcher());
    const attempt = scope.attempt({ firstByteMs: timeouts.firstByte, afterBody: watchBody });
    let response: Dispatcher.ResponseData;
    try {
      response = await agent.request({
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
        headersTimeout: undiciTimeout(timeouts.firstByte),
        bodyTimeout: undiciTimeout(timeouts.chunkGap),
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
          body: guardStreamContentType({
            body: response.body as unknown as ResponseBodyStream,
            format: request.stream,
            status,
            headers,
            requestId,
            secrets,
          }),
          format: request.stream,
          scope,
          secrets,
          headers,
          status,
          requestId,
          timeouts,
        }),
      };
    }
    const text = await readAnswerText({ body: response.body, status, headers, requestId, timeouts, secrets });
    const body = parseJsonBody({ text, status, headers, requestId, secrets });
    // Gateways sometimes wrap an upstream failure in a 200: it is still that failure, and as
    // retryable as its envelope's code says (the same check runs again above the middleware).
    const error = errorOfEnvelope({ status, headers, body, secrets });
    if (error)
      return { failed: true, error, retryAfterMs: parseRetryDelay({ headers, body: error.responseBody }) };
    return { kind: 'json', status, headers, requestId, body, wire: { text, body } };
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
      checkHeaderValue({ name: lower, value, argument: `headers.${lower}` });
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

/** undici reads 0 as "no limit", rejects Infinity, and cannot time a longer wait than Node's timers. */
function undiciTimeout(milliseconds: number): number {
  return milliseconds <= longestTimerMs ? milliseconds : 0;
}

/** The option a base header came from, for the error that names it. */
function baseArgument(name: string): string {
  if (name === 'authorization' || name === 'x-goog-api-key') return 'apiKey';
  if (name === 'app-code') return 'appCode';
  return `headers.${name}`;
}

/** The first header HTTP cannot carry, as the error every request then rejects with. */
function findBadHeader({
  headers,
  argumentOf,
}: {
  headers: Record<string, string>;
  argumentOf: (name: string) => string;
}): InvalidArgumentError | undefined {
  for (const name in headers) {
    const argument = argumentOf(name);
    const what =
      argument === 'apiKey'
        ? `the API key (sent as the ${name} header)`
        : argument === 'appCode'
          ? 'the app code (sent as the APP-Code header)'
          : undefined;
    try {
      checkHeaderValue({ name, value: headers[name], argument, ...(what ? { what } : {}) });
    } catch (error) {
      if (InvalidArgumentError.isInstance(error)) return error;
      throw error;
    }
  }
  return undefined;
}

/**
 * The secrets to scrub, with the forms they take in a URL: a key passed by mistake as a model
 * id reaches the path, where a character like `+` or `/` may be percent-encoded.
 */
function secretsToRedact(values: readonly (string | undefined)[]): string[] {
  const secrets: string[] = [];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    secrets.push(value);
    const encoded = encodeURIComponent(value);
    if (encoded !== value) secrets.push(encoded);
  }
  return secrets;
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
  // Quoted back to the caller, so a key pasted into the URL by mistake is scrubbed first.
  const quoted = redactSecrets(baseURL, typeof apiKey === 'string' ? [apiKey] : []);
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    throw new InvalidArgumentError(
      `baseURL "${quoted}" is not a URL: pass something like "https://aihubmix.com/gemini" (resolveBaseURL completes a bare host).`,
      { argument: 'baseURL' },
    );
  }
  checkHttpScheme({ url, quoted });
  return url;
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
  headers,
  requestId,
  secrets,
}: {
  text: string;
  status: number;
  headers: Record<string, string>;
  requestId: string | undefined;
  secrets: readonly string[];
}): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ResponseValidationError(
      redactSecrets(`The ${status} answer is not JSON: ${text.slice(0, 200)}`, secrets),
      {
        statusCode: status,
        requestId,
        headers: redactHeaders({ headers, secrets }),
        cause: redactJsonSyntaxError(cause),
      },
    );
  }
}
