import { hash } from 'node:crypto';
import type { Operation, TransportRequest } from '@gemgate/core-transport';
import { canonicalJson, canonicalJsonWithout, quoted } from './canonical-json.js';

/**
 * The operations whose answers depend on the request alone. Model listings and the
 * `caches.*` resource change behind the client's back, so they are never cached.
 */
const cacheableOperations: ReadonlySet<Operation> = new Set<Operation>([
  'generateContent',
  'streamGenerateContent',
  'countTokens',
  'embedContent',
  'chat.completions',
  'embeddings',
]);

/** Body fields that say how the answer travels, not what it is. */
const transportOnlyFields: ReadonlySet<string> = new Set(['stream', 'stream_options']);
/** Query parameters that carry the key or the stream framing. */
const transportOnlyQuery: ReadonlySet<string> = new Set(['key', 'alt']);

/**
 * The cache key of a call: the SHA-256 (hex) of the canonical JSON (sorted keys) of its route,
 * operation, path and body, i.e. the model, `contents` / `messages`, tools, tool choice,
 * generation and thinking config and every other field the upstream reads. Never part of it:
 * the API key (it is not in the request middleware sees, and `?key=` is dropped), the stream
 * flag (`stream`, `stream_options`, `?alt=sse`, `:streamGenerateContent` read as
 * `:generateContent`), headers and request ids. Returns `undefined` for a call that is not
 * cached: not a POST, an operation whose answer can change (`models.*`, `caches.*`), or a body
 * streamed from a file (a `BinarySlot` or byte stream, which cannot be hashed without reading it).
 *
 * @example
 * ```ts
 * import { cacheKeyOf } from '@gemgate/usage-cache';
 * const key = cacheKeyOf({
 *   request: {
 *     method: 'POST',
 *     path: 'v1beta/models/gemini-2.5-flash:generateContent',
 *     body: { contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] },
 *     context: { route: 'native', operation: 'generateContent', model: 'gemini-2.5-flash', stream: false },
 *   },
 * }); // 64 hex characters
 * ```
 */
export function cacheKeyOf({ request }: { request: TransportRequest }): string | undefined {
  if (request.method !== 'POST') return undefined;
  const context = request.context;
  if (context && !cacheableOperations.has(context.operation)) return undefined;
  const body = plainJsonBody(request.body);
  if (body === notCacheable) return undefined;
  // The canonical JSON of { body, operation, path, query, route } (its keys in sorted order),
  // written member by member rather than built as an object and walked: the key is computed on
  // every call, hit or miss, and this halves its cost.
  let text = '{';
  const bodyText = canonicalJsonWithout(body, transportOnlyFields);
  if (bodyText !== undefined) text += `"body":${bodyText}`;
  const operation = context?.operation === 'streamGenerateContent' ? 'generateContent' : context?.operation;
  if (operation !== undefined) text += `${text.length > 1 ? ',' : ''}"operation":${quoted(operation)}`;
  const path = request.path.replace(':streamGenerateContent', ':generateContent');
  text += `${text.length > 1 ? ',' : ''}"path":${quoted(path)}`;
  const query = semanticQuery(request.query);
  if (query !== undefined) text += `,"query":${canonicalJson({ value: query })}`;
  if (context?.route !== undefined) text += `,"route":${quoted(context.route)}`;
  // The one-shot `hash` (Node 20.12+) skips building a Hash object: half the cost per call.
  return hash('sha256', `${text}}`, 'hex');
}

const notCacheable: unique symbol = Symbol('notCacheable');

function plainJsonBody(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const kind = (body as { kind?: unknown }).kind;
  if (kind === 'bytes' || kind === 'json-with-binary') return notCacheable;
  if (kind === 'json' && 'value' in body && Object.keys(body).length === 2) {
    return (body as { value: unknown }).value;
  }
  return body;
}

function semanticQuery(query: TransportRequest['query']): Record<string, unknown> | undefined {
  if (!query) return undefined;
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && !transportOnlyQuery.has(name)) kept[name] = value;
  }
  return Object.keys(kept).length === 0 ? undefined : kept;
}
