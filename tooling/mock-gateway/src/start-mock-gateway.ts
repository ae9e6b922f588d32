import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createImplicitCache } from './answer/implicit-cache.js';
import { faultReply } from './faults/fault-reply.js';
import { FaultSchedule } from './faults/fault-schedule.js';
import { parseFault } from './faults/parse-fault.js';
import { checkAuth } from './http/check-auth.js';
import { errorShapeFor } from './http/error-reply.js';
import { Exchange } from './http/exchange.js';
import { readBody } from './http/read-body.js';
import { routeOf } from './http/route-of.js';
import { modelsApiAnswer } from './models-api.js';
import { CachedContents } from './native/cached-contents.js';
import { handleNative } from './native/handle-native.js';
import { handleOpenai } from './openai/handle-openai.js';
import { headerOf, type RouteContext } from './route-context.js';
import type { MockGateway, MockGatewayOptions, MockRoute, RecordedRequest } from './types.js';
import { upstreamModelOf } from './upstream/upstream-rules.js';

const twentyMegabytes = 20 * 1024 * 1024;

/**
 * Starts the mock gateway on 127.0.0.1: the native Gemini API under `/gemini/v1beta/` and the
 * OpenAI-compatible API under `/v1/`, with fault injection and a record of every request.
 *
 * @example
 * ```ts
 * import { startMockGateway } from '@gemgate/mock-gateway';
 * const gateway = await startMockGateway({ apiKeys: ['test-key'] });
 * const ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: gateway.nativeBaseURL } });
 * // ...
 * await gateway.close();
 * ```
 */
export async function startMockGateway({
  port = 0,
  host = '127.0.0.1',
  apiKeys,
  latency = {},
  faults = [],
  maxRequestBytes = twentyMegabytes,
  implicitCacheTtlMs = 3_600_000,
  implicitCacheMinTokens,
  upstream = 'ai-studio',
  knobs = {},
  maxRecordedRequests = Number.POSITIVE_INFINITY,
  now = Date.now,
}: MockGatewayOptions = {}): Promise<MockGateway> {
  const requests: RecordedRequest[] = [];
  const schedule = new FaultSchedule();
  for (const fault of faults) schedule.add(fault);
  const implicitCache = createImplicitCache({
    ttlMs: implicitCacheTtlMs,
    minTokensFor: (model) =>
      implicitCacheMinTokens ??
      upstreamModelOf(model)?.implicitCacheMinTokens ??
      // Families the mock does not know are new ones: Google's largest documented minimum.
      4096,
    now,
  });
  const cachedContents = new CachedContents({ now });
  let requestCount = 0;
  const closing = new AbortController();

  const handle = async ({
    request,
    response,
    requestId,
  }: {
    request: IncomingMessage;
    response: ServerResponse;
    requestId: string;
  }) => {
    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    const routed = routeOf(url.pathname);
    const { text, tooLarge } = await readBody({ request, maxBytes: maxRequestBytes });
    let body: unknown;
    let invalidJson = false;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        invalidJson = true;
      }
    }
    const query = Object.fromEntries(url.searchParams);
    requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      query,
      headers: request.headers,
      body,
      route: routed?.route ?? 'openai',
    });
    if (requests.length > maxRecordedRequests) requests.shift();
    const faultSpec =
      headerOf({ headers: request.headers, name: 'x-mock-fault' }) ?? schedule.take({ path: url.pathname });
    const fault = faultSpec ? parseFault(faultSpec) : undefined;
    if (fault?.kind === 'reset-before-headers') {
      request.socket.destroy();
      return;
    }
    const route: MockRoute = routed?.route ?? 'openai';
    const exchange = new Exchange({
      response,
      fault,
      latency,
      errorShape: errorShapeFor({
        route,
        header: headerOf({
          headers: withKnobs({ headers: request.headers, knobs }),
          name: 'x-mock-error-shape',
        }),
      }),
      requestId,
      closing: closing.signal,
    });
    // The gateway's public models API: no key, outside both protocol prefixes.
    if (url.pathname === '/api/v1/models' && (request.method ?? 'GET') === 'GET') {
      const unit = headerOf({
        headers: withKnobs({ headers: request.headers, knobs }),
        name: 'x-mock-price-unit',
      });
      return exchange.json({ body: modelsApiAnswer({ perMillion: unit === 'per-million' }) });
    }
    if (!routed)
      return exchange.error({ status: 404, message: `No route for ${request.method} ${url.pathname}.` });
    const authError = checkAuth({ route, request, query, apiKeys });
    if (authError) return exchange.error(authError);
    if (tooLarge) {
      return exchange.error({
        status: 400,
        message: `Request payload size exceeds the limit: ${maxRequestBytes} bytes. Inline data above 20 MB needs the File API, which the gateway does not offer yet.`,
      });
    }
    if (invalidJson) {
      return exchange.error({ status: 400, message: 'Invalid JSON payload received. Unexpected token.' });
    }
    if (fault?.kind === 'status') return exchange.error(faultReply(fault));
    const context: RouteContext = {
      exchange,
      method: request.method ?? 'GET',
      path: routed.path,
      query,
      headers: withKnobs({ headers: request.headers, knobs }),
      body: (body && typeof body === 'object' ? body : {}) as Record<string, any>,
      implicitCache,
      cachedContents,
      upstream,
      now,
    };
    await (route === 'native' ? handleNative(context) : handleOpenai(context));
  };

  const server = createServer((request, response) => {
    // Numbered on arrival, so even an answer the handler never reaches carries its id.
    requestCount += 1;
    const requestId = `mock-${String(requestCount).padStart(6, '0')}`;
    handle({ request, response, requestId }).catch((error: unknown) => {
      if (response.headersSent || response.destroyed) {
        response.destroy();
        return;
      }
      response.writeHead(500, {
        'content-type': 'application/json; charset=utf-8',
        'x-request-id': requestId,
      });
      response.end(
        JSON.stringify({
          error: {
            code: 500,
            message: `mock gateway bug: ${String(error)} (tid: ${requestId})`,
            status: 'INTERNAL',
          },
        }),
      );
    });
  });
  // Like a real upstream, keep connections open between requests (a short keep-alive would make
  // every client reconnect per call and the benchmarks measure connects). `close()` ends them.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    nativeBaseURL: `${url}/gemini`,
    openaiBaseURL: `${url}/v1`,
    port: address.port,
    requests,
    scheduleFault: (fault) => schedule.add(fault),
    clearFaults: () => schedule.clear(),
    reset() {
      requests.length = 0;
      schedule.clear();
      implicitCache.clear();
      cachedContents.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Pending delays (slow-first-byte, slow-chunks, latency) end now instead of holding timers.
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The request's headers, with the `knobs` option's value under each `x-mock-*` header it lacks. */
function withKnobs({
  headers,
  knobs,
}: {
  headers: IncomingHttpHeaders;
  knobs: Record<string, string>;
}): IncomingHttpHeaders {
  const entries = Object.entries(knobs);
  if (entries.length === 0) return headers;
  const merged: IncomingHttpHeaders = { ...headers };
  for (const [name, value] of entries) merged[name.toLowerCase()] ??= value;
  return merged;
}
