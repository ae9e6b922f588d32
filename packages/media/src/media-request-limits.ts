import { InvalidArgumentError, type Middleware } from '@gemgate/core-transport';
import { measureRequestBody } from './measure-json-body.js';
import { checkMediaResolution } from './media-resolution.js';
import { oversizedRequest } from './oversized-request.js';
import { defaultMaxRequestBytes } from './request-limit.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function bodyValue({ body }: { body: unknown }): unknown {
  if (isObject(body) && (body.kind === 'json' || body.kind === 'json-with-binary')) return body.value;
  return body;
}

/** Native-route media resolutions in a body: request-wide (`generationConfig`) and per part. */
function resolutionScopes({ value }: { value: unknown }): Set<'request' | 'part'> {
  const scopes = new Set<'request' | 'part'>();
  if (!isObject(value)) return scopes;
  const generationConfig = value.generationConfig;
  if (isObject(generationConfig) && generationConfig.mediaResolution !== undefined) scopes.add('request');
  if (Array.isArray(value.contents)) {
    for (const content of value.contents) {
      const parts = isObject(content) ? content.parts : undefined;
      if (!Array.isArray(parts)) continue;
      if (parts.some((part) => isObject(part) && part.mediaResolution !== undefined)) scopes.add('part');
    }
  }
  return scopes;
}

/**
 * Checks one request before it is sent: its encoded size against `maxRequestBytes` (all of its
 * parts together, base64 and the JSON around it), and any media resolution against the model.
 * Throws `MediaTooLargeError` or `InvalidArgumentError`; returns the size in bytes.
 *
 * @example
 * ```ts
 * import { checkMediaRequest } from '@gemgate/media';
 * const size = checkMediaRequest({ body: { contents: [] }, model: 'gemini-2.5-flash' }); // 15
 * ```
 */
export function checkMediaRequest({
  body,
  model,
  maxRequestBytes = defaultMaxRequestBytes,
}: {
  /** The request body: a JSON value or a transport `RequestBody`. */
  body: unknown;
  /** The model the request is for; its media-resolution rules are checked when given. */
  model?: string | undefined;
  maxRequestBytes?: number | undefined;
}): number {
  if (model !== undefined) {
    for (const scope of resolutionScopes({ value: bodyValue({ body }) }))
      checkMediaResolution({ model, scope });
  }
  const size = measureRequestBody({ body });
  if (size > maxRequestBytes) oversizedRequest({ size, limit: maxRequestBytes, subject: 'This request' });
  return size;
}

/**
 * Middleware for either client that refuses, before a byte is sent, a request the gateway would
 * refuse for its size: the encoded request (base64's 4/3 and the JSON around it, across every
 * part) over `maxRequestBytes` (default 20 MiB, the gateway's limit) is a `MediaTooLargeError`.
 * A per-part media resolution on a model that has none (before Gemini 3) is an
 * `InvalidArgumentError`. Set the limit per client: Google has raised its own, and the
 * gateway's may follow.
 *
 * @example
 * ```ts
 * import { mediaRequestLimits } from '@gemgate/media';
 * import { createGemini } from '@gemgate/native-gemini';
 * const gemini = createGemini({ middleware: [mediaRequestLimits({ maxRequestBytes: 20 * 1024 * 1024 })] });
 * ```
 */
export function mediaRequestLimits({
  maxRequestBytes = defaultMaxRequestBytes,
}: {
  maxRequestBytes?: number | undefined;
} = {}): Middleware {
  if (!Number.isSafeInteger(maxRequestBytes) || maxRequestBytes <= 0) {
    throw new InvalidArgumentError(
      `maxRequestBytes must be a whole number of bytes above 0, got ${String(maxRequestBytes)}.`,
      { argument: 'maxRequestBytes' },
    );
  }
  return async (request, next) => {
    if (request.body !== undefined) {
      checkMediaRequest({ body: request.body, model: request.context?.model, maxRequestBytes });
    }
    return next(request);
  };
}
