import type { MockRoute } from '../types.js';

/**
 * Which protocol a path belongs to, and the path below that protocol's prefix: the native API
 * under `/gemini/v1beta/` (or the bare-host `/v1beta/` one page of the gateway's docs shows), the
 * OpenAI-compatible API under `/v1/`.
 */
export function routeOf(pathname: string): { route: MockRoute; path: string } | undefined {
  const native = /^\/(?:gemini\/)?v1(?:beta|alpha)?\/(.*)$/.exec(pathname);
  if (pathname.startsWith('/gemini/') && native) return { route: 'native', path: native[1]! };
  if (pathname.startsWith('/v1beta/')) return { route: 'native', path: pathname.slice('/v1beta/'.length) };
  if (pathname.startsWith('/v1/')) return { route: 'openai', path: pathname.slice('/v1/'.length) };
  return undefined;
}
