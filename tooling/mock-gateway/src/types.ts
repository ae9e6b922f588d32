import type { IncomingHttpHeaders } from 'node:http';

/** Which wire protocol a request used. */
export type MockRoute = 'native' | 'openai';

/** One request as the mock received it. Headers are kept raw so tests can assert on auth. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/gemini/v1beta/models/gemini-2.5-flash:generateContent`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; `undefined` when there was none or it was not JSON. */
  body: unknown;
  route: MockRoute;
}

/**
 * A fault, written as in the `x-mock-fault` header: `429`, `429; retry-after=2`,
 * `429; retry-after-ms=50`, `429; retry-info=1.5s`, `500`, `503`, `reset-before-headers`,
 * `reset-mid-stream; after=1`, `truncate-event`, `slow-first-byte=300`, `slow-chunks=200`,
 * `error-in-stream`, `404-event-stream`.
 */
export type FaultSpec = string;

/** A fault applied to the next matching requests that carry no `x-mock-fault` header. */
export interface ScheduledFault {
  fault: FaultSpec;
  /** How many requests it applies to. Default 1. */
  times?: number | undefined;
  /** Only requests whose path matches. Default: every request. */
  path?: RegExp | undefined;
}

/** Added delays, in milliseconds, for every request. */
export interface MockLatency {
  /** Before the status line. */
  firstByteMs?: number | undefined;
  /** Between two streamed chunks. */
  chunkMs?: number | undefined;
}

/** Options of `startMockGateway`. */
export interface MockGatewayOptions {
  /** Port to listen on; `0` (default) picks a free one. */
  port?: number | undefined;
  /** Host to bind. Default `127.0.0.1`. */
  host?: string | undefined;
  /** Keys the mock accepts; when omitted any non-empty key is accepted. */
  apiKeys?: string[] | undefined;
  latency?: MockLatency | undefined;
  /** Faults scheduled from the start (same as calling `scheduleFault` for each). */
  faults?: ScheduledFault[] | undefined;
  /** Largest request body accepted, in bytes. Default 20 MiB, the gateway's inline-data limit. */
  maxRequestBytes?: number | undefined;
  /** How long an implicit-cache prefix stays warm. Default 1 hour. */
  implicitCacheTtlMs?: number | undefined;
  /**
   * Smallest prefix (in approximated tokens) that implicit caching reports, for every model.
   * Default: each family's documented minimum (2.5: 2,048; Gemini 3: 4,096; none on 2.0); tests
   * lower it to use small documents.
   */
  implicitCacheMinTokens?: number | undefined;
  /**
   * Which Google service the gateway routes to (it chooses on its own): `ai-studio` (default)
   * or `vertex` (usage carries `trafficType`, not `serviceTier`; `streamFunctionCallArguments`
   * streams function-call arguments as `partialArgs`). `x-mock-upstream` overrides per request.
   */
  upstream?: 'ai-studio' | 'vertex' | undefined;
  /**
   * Default values of the `x-mock-*` request headers (README, "Test knobs"), for every request
   * that does not send that header itself, e.g. `{ 'x-mock-sse-comments': 'off' }`.
   */
  knobs?: Record<string, string> | undefined;
  /**
   * How many requests `requests` keeps (the oldest are dropped first). Default: all of them, as
   * tests want; `gemgate-mock` keeps 1000 so a long-running gateway does not hold every body.
   */
  maxRecordedRequests?: number | undefined;
  /** Clock used for cache expiry; tests may pass a fake. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** A running mock gateway. */
export interface MockGateway {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** `url + '/gemini'`: the base URL for `@google/genai` and the native client. */
  nativeBaseURL: string;
  /** `url + '/v1'`: the base URL for `openai` and the OpenAI-compatible client. */
  openaiBaseURL: string;
  port: number;
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  scheduleFault(fault: ScheduledFault): void;
  clearFaults(): void;
  /** Forgets requests, faults, implicit-cache prefixes and cached contents. */
  reset(): void;
  close(): Promise<void>;
}
