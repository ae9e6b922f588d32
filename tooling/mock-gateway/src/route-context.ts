import type { IncomingHttpHeaders } from 'node:http';
import type { ImplicitCache } from './answer/implicit-cache.js';
import type { Exchange } from './http/exchange.js';
import type { CachedContents } from './native/cached-contents.js';
import type { UpstreamService } from './native/native-style.js';

/** Everything a route handler needs for one request. */
export interface RouteContext {
  exchange: Exchange;
  method: string;
  /** Path below the route prefix, e.g. `models/gemini-2.5-flash:generateContent`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (an empty object when there was none). */
  body: Record<string, any>;
  implicitCache: ImplicitCache;
  cachedContents: CachedContents;
  /** Which Google service answers by default (the `upstream` option; `x-mock-upstream` overrides). */
  upstream: UpstreamService;
  /** The gateway's clock (the `now` option). */
  now: () => number;
}

/** A single-valued request header. */
export function headerOf({
  headers,
  name,
}: {
  headers: IncomingHttpHeaders;
  name: string;
}): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
