import type { Logger, Middleware, TransportRequest, TransportResponse } from '@gemgate/core-transport';
import { cacheHeader, checkTtl, parseCacheControl } from './cache-control.js';
import { cacheKeyOf } from './cache-key.js';
import type { CacheStore } from './cache-store.js';
import { memoryStore } from './memory-store.js';
import {
  jsonAnswerText,
  keptHeaders,
  recordingEvents,
  replayAnswer,
  type StoredAnswer,
} from './stored-answer.js';

/** What `responseCache` takes. */
export interface ResponseCacheOptions {
  /** Where answers are kept. Default `memoryStore()` (1000 answers, 64 MiB). */
  store?: CacheStore | undefined;
  /** How long an answer is kept, in ms. Default 3_600_000 (one hour). */
  ttl?: number | undefined;
  /**
   * The key of a call, or `undefined` to leave it uncached. Default `cacheKeyOf` (SHA-256 of
   * the canonical JSON of what the call asks). Wrap it to add a namespace (a tenant, a prompt version).
   */
  key?: ((parameters: { request: TransportRequest }) => string | undefined) | undefined;
  /** How long a store may take to answer before the call goes upstream, in ms. Default 250. */
  storeTimeout?: number | undefined;
  /**
   * How long an identical call waits for the one already under way before it goes upstream
   * itself, in ms. Default 30_000. It bounds the wait behind a stream its caller never reads
   * (whose answer would otherwise never complete).
   */
  coalesceTimeout?: number | undefined;
  /** Told once when the store fails (and again after it recovered and failed anew). Default `console`. */
  logger?: Pick<Logger, 'warn'> | undefined;
  /** The clock an answer's age is read from. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** What a `responseCache` has done since it was made. */
export interface ResponseCacheStats {
  /** Calls answered from the store. */
  hits: number;
  /** Calls that went upstream. */
  misses: number;
  /** Calls answered by an identical call already under way (single flight). */
  coalesced: number;
  /** Answers the store accepted. */
  stored: number;
  /** Store operations that failed or timed out (the call then went upstream). */
  storeErrors: number;
}

/** The cache middleware, with its counters. */
export interface ResponseCache extends Middleware {
  /** A copy of the counters. */
  stats(): ResponseCacheStats;
}

const defaultTtlMs = 3_600_000;

/**
 * An exact-match response cache for both clients: put it in `middleware`. A call is answered
 * from the store when an identical one (same route, model, contents or messages, tools, tool
 * choice, generation and thinking config: see `cacheKeyOf`) was answered within the TTL;
 * streamed answers are recorded while the caller reads them and replayed event by event.
 * Errors and interrupted streams are never stored. Identical calls made while the first is
 * under way wait for it and share its answer (single flight), so 50 concurrent identical calls
 * cost one upstream call. A hit carries the header `x-gemgate-cache: hit` (and
 * `x-gemgate-cache-age`), which `usageLedger` reads to bill it zero tokens. When the store
 * fails or is slower than `storeTimeout`, calls go upstream and the logger warns once.
 * Per-call settings travel in a header: see `cacheControl`.
 *
 * @example
 * ```ts
 * import { createGemini } from '@gemgate/native-gemini';
 * import { responseCache } from '@gemgate/usage-cache';
 * const cache = responseCache({ ttl: 10 * 60_000 });
 * const gemini = createGemini({ middleware: [cache] });
 * await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' });
 * await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' }); // from the cache
 * console.log(cache.stats()); // { hits: 1, misses: 1, ... }
 * ```
 */
export function responseCache({
  store = memoryStore(),
  ttl = defaultTtlMs,
  key = cacheKeyOf,
  storeTimeout = 250,
  coalesceTimeout = 30_000,
  logger = console,
  now = Date.now,
}: ResponseCacheOptions = {}): ResponseCache {
  checkTtl({ ttl, argument: 'ttl' });
  checkTtl({ ttl: storeTimeout, argument: 'storeTimeout' });
  checkTtl({ ttl: coalesceTimeout, argument: 'coalesceTimeout' });
  const stats: ResponseCacheStats = { hits: 0, misses: 0, coalesced: 0, stored: 0, storeErrors: 0 };
  /** Calls under way, by store key; see `Flight`. */
  const inFlight = new Map<string, Flight>();
  let storeFailing = false;

  const storeAnswered = (): void => {
    storeFailing = false;
  };
  const storeFailed = (error: unknown): undefined => {
    stats.storeErrors += 1;
    // One line per outage, not one per call: a dead Redis under load would flood the log.
    if (!storeFailing) {
      storeFailing = true;
      logger.warn('gemgate response cache: the store failed; calls go upstream until it answers again', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return undefined;
  };

  const guarded = async <T>(operation: () => Promise<T>): Promise<T | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = store.inProcess
        ? await operation()
        : await Promise.race([
            operation(),
            new Promise<never>((_resolve, reject) => {
              timer = setTimeout(
                () => reject(new Error(`the store did not answer within ${storeTimeout} ms`)),
                storeTimeout,
              );
              timer.unref?.();
            }),
          ]);
      storeAnswered();
      return result;
    } catch (error) {
      return storeFailed(error);
    } finally {
      clearTimeout(timer);
    }
  };

  /** The stored text, synchronously when the store can (a miss then costs no promise), else a promise. */
  const lookUp = (storeKey: string): string | undefined | Promise<string | undefined> => {
    if (!store.getSync) return guarded(() => store.get({ key: storeKey }));
    try {
      const text = store.getSync({ key: storeKey });
      storeAnswered();
      return text;
    } catch (error) {
      return storeFailed(error);
    }
  };

  const keep = ({ storeKey, text, ttlMs }: { storeKey: string; text: string; ttlMs: number }): void => {
    if (store.setSync) {
      try {
        store.setSync({ key: storeKey, value: text, ttlMs });
        stats.stored += 1;
        storeAnswered();
      } catch (error) {
        storeFailed(error);
      }
      return;
    }
    void guarded(async () => {
      await store.set({ key: storeKey, value: text, ttlMs });
      stats.stored += 1;
    });
  };

  // Not an async function: a miss that nobody joins costs one promise step and one record of
  // its own (`Call`), and no promise for single flight. The bench's usage-cache-miss row
  // measures what the cache and the ledger add to a miss.
  const middleware: Middleware = (request, next) => {
    try {
      return cached(request, next);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  function cached(
    request: TransportRequest,
    next: (request: TransportRequest) => Promise<TransportResponse>,
  ): Promise<TransportResponse> {
    const header = findHeader(request.headers, cacheHeader);
    const forwarded = header === undefined ? request : withoutHeader(request, header.name);
    const baseKey = key({ request: forwarded });
    if (baseKey === undefined) return next(forwarded);
    const control = parseCacheControl({ header: header?.value });
    // A streamed answer and a whole one are kept side by side: neither can always be rebuilt from the other.
    const storeKey = forwarded.stream ? `${baseKey}:stream` : `${baseKey}:json`;
    const call: Call = {
      request: forwarded,
      next,
      storeKey,
      ttlMs: control.ttl ?? ttl,
      noStore: control.noStore === true,
      flight: undefined,
    };
    if (control.refresh) return fetchAndStore(call);
    const running = inFlight.get(storeKey);
    if (running) {
      running.answer ??= new Promise((resolve) => (running.settle = resolve));
      return joinRunning({ running: running.answer, call });
    }
    // Registered before anything is awaited, so identical calls made in the same tick join this one.
    if (!call.noStore) {
      call.flight = {};
      inFlight.set(storeKey, call.flight);
    }
    const found = lookUp(storeKey);
    if (found === undefined) return fetchAndStore(call);
    if (typeof found === 'string') return answerFromStore(call, found);
    return found.then((text) => (text === undefined ? fetchAndStore(call) : answerFromStore(call, text)));
  }

  /** Ends the call's flight (if it has one), handing `text` to the calls that joined it. */
  function settle(call: Call, text: string | undefined): void {
    const flight = call.flight;
    if (!flight) return;
    call.flight = undefined;
    inFlight.delete(call.storeKey);
    flight.settle?.(text);
  }

  function answerFromStore(call: Call, text: string): Promise<TransportResponse> {
    const stored = parsedAnswer(text);
    // Not an answer this cache wrote (a shared store written by something else, or cut short):
    // a miss, whose answer then takes its place.
    if (stored === undefined) return fetchAndStore(call);
    stats.hits += 1;
    settle(call, text);
    return Promise.resolve(replayAnswer({ stored, now: now() }));
  }

  /** The stored answer in `text`, or `undefined` (and a warning, once per outage) when it is not one. */
  function parsedAnswer(text: string): StoredAnswer | undefined {
    try {
      const stored = JSON.parse(text) as StoredAnswer;
      if (isStoredAnswer(stored)) return stored;
      throw new Error('the stored text is JSON but not a stored answer');
    } catch (error) {
      storeFailed(
        new Error(`unreadable stored answer (${error instanceof Error ? error.message : String(error)})`),
      );
      return undefined;
    }
  }

  /** An identical call is under way: its answer, or (when it stored nothing) one's own call. */
  async function joinRunning({
    running,
    call,
  }: {
    running: Promise<string | undefined>;
    call: Call;
  }): Promise<TransportResponse> {
    const text = await waitAtMost({ promise: running, ms: coalesceTimeout });
    const stored = text === undefined ? undefined : parsedAnswer(text);
    if (stored !== undefined) {
      stats.coalesced += 1;
      return replayAnswer({ stored, now: now() });
    }
    // The first call failed or stored nothing: this one asks for itself.
    return fetchAndStore(call);
  }

  function fetchAndStore(call: Call): Promise<TransportResponse> {
    stats.misses += 1;
    let answered: Promise<TransportResponse>;
    try {
      answered = call.next(call.request);
    } catch (error) {
      // A middleware below that throws instead of rejecting must still settle this call's flight.
      answered = Promise.reject(error);
    }
    return answered.then(
      (response) => {
        try {
          return received(call, response);
        } catch (error) {
          settle(call, undefined);
          throw error;
        }
      },
      (error: unknown) => {
        settle(call, undefined);
        throw error;
      },
    );
  }

  function save(call: Call, text: string): void {
    settle(call, text);
    if (!call.noStore) keep({ storeKey: call.storeKey, text, ttlMs: call.ttlMs });
  }

  function received(call: Call, response: TransportResponse): TransportResponse {
    const marked = markedMiss(response);
    if (marked.kind === 'json') {
      if (marked.status >= 200 && marked.status < 300 && !isErrorAnswer(marked.body)) {
        // The wire text only while it is still the text of this body (see `wire`).
        const wire = marked.wire;
        const bodyText =
          wire !== undefined && wire.body === marked.body && wire.text !== '' ? wire.text : undefined;
        save(
          call,
          jsonAnswerText({
            status: marked.status,
            contentType: marked.headers['content-type'],
            requestId: marked.requestId,
            body: marked.body,
            bodyText,
            storedAt: now(),
          }),
        );
      } else {
        settle(call, undefined);
      }
      return marked;
    }
    const events = recordingEvents({
      events: marked.events,
      onComplete: (recorded) => {
        const answer: StoredAnswer = {
          kind: 'stream',
          status: marked.status,
          headers: keptHeaders(marked.headers),
          ...(marked.requestId === undefined ? {} : { requestId: marked.requestId }),
          events: recorded,
          storedAt: now(),
        };
        save(call, JSON.stringify(answer));
      },
      onAbandon: () => settle(call, undefined),
    });
    return { ...marked, events };
  }

  return Object.assign(middleware, { stats: () => ({ ...stats }) });
}

/** One cached call: what it asked, where its answer goes, and its flight while it is the first. */
interface Call {
  request: TransportRequest;
  next: (request: TransportRequest) => Promise<TransportResponse>;
  storeKey: string;
  ttlMs: number;
  noStore: boolean;
  /** Set while identical calls may join this one (never for `refresh` or `no-store`). */
  flight: Flight | undefined;
}

/**
 * A call under way that identical calls may wait for. Its promise is made only when a second
 * call arrives, so a call nobody joins (nearly every miss) costs no promise for single flight.
 */
interface Flight {
  /** Resolves to the stored text, or `undefined` when nothing was stored. */
  answer?: Promise<string | undefined>;
  settle?: (text: string | undefined) => void;
}

/**
 * The response with `x-gemgate-cache: miss` among its headers: a copy, so a response the layer
 * below hands out more than once (a test double's constant) is never changed under it.
 */
function markedMiss(response: TransportResponse): TransportResponse {
  return { ...response, headers: { ...response.headers, 'x-gemgate-cache': 'miss' } };
}

function isStoredAnswer(value: unknown): value is StoredAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Partial<Record<keyof StoredAnswer | 'events', unknown>>;
  if (typeof answer.status !== 'number' || typeof answer.storedAt !== 'number') return false;
  if (typeof answer.headers !== 'object' || answer.headers === null) return false;
  return answer.kind === 'json' ? 'body' in answer : answer.kind === 'stream' && Array.isArray(answer.events);
}

/** An `{ error: ... }` envelope (or an array starting with one) sent with a 2xx is still an error. */
function isErrorAnswer(body: unknown): boolean {
  const first = Array.isArray(body) ? body[0] : body;
  return typeof first === 'object' && first !== null && 'error' in first;
}

function findHeader(
  headers: Record<string, string> | undefined,
  wanted: string,
): { name: string; value: string } | undefined {
  if (!headers) return undefined;
  for (const name in headers) {
    if (name.toLowerCase() === wanted) return { name, value: headers[name] as string };
  }
  return undefined;
}

function withoutHeader(request: TransportRequest, name: string): TransportRequest {
  const headers = { ...request.headers };
  delete headers[name];
  return { ...request, headers };
}

/** `promise`'s value, or `undefined` once `ms` have passed without one. */
async function waitAtMost<T>({ promise, ms }: { promise: Promise<T>; ms: number }): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    // The wait alone must not keep a process alive.
    timer.unref?.();
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
