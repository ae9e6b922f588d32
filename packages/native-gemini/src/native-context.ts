import {
  type AbortSource,
  type Logger,
  type Operation,
  type StreamTransportResponse,
  type Transport,
  type TransportRequest,
  UpstreamError,
} from '@gemgate/core-transport';
import { sourcedRequest } from '@gemgate/core-transport/internal';

/** What every part of the client shares: the transport, the API version prefix, the logger. */
export interface NativeContext {
  transport: Transport;
  /** `v1beta/`, or `''` when the base URL already ends with the version. */
  apiPrefix: string;
  logger: Logger | undefined;
  /** How streams are requested: `sse` (`?alt=sse`, the default) or Gemini's streamed JSON array. */
  streamFormat: 'sse' | 'json-array';
  /** The client's `lint.fix`: adjust fixable settings with a warning instead of refusing. */
  lintFix?: boolean | undefined;
}

/** The HTTP answer behind a result, as `@google/genai` exposes it (`response.sdkHttpResponse.headers`). */
export interface SdkHttpResponse {
  /** The answer's headers, names in lower case. */
  headers: Record<string, string>;
}

/** Per-call options every method takes, as in `@google/genai`'s `config`. */
export interface CallOptions {
  abortSignal?: AbortSignal | undefined;
  httpOptions?: { headers?: Record<string, string> | undefined; timeout?: number | undefined } | undefined;
}

/** `gemini-2.5-flash` and `models/gemini-2.5-flash` both give `models/gemini-2.5-flash`; `tunedModels/x` stays. */
export function modelResource(model: string): string {
  return model.includes('/') ? model : `models/${model}`;
}

function requestOf({
  context,
  call,
  operation,
  model,
  request,
}: {
  context: NativeContext;
  call: CallOptions | undefined;
  operation: Operation;
  model: string | undefined;
  request: Omit<TransportRequest, 'context'>;
}): TransportRequest {
  const source = request.abortSource;
  // Written out field by field: spreading `request` and adding fields costs about a
  // microsecond per added field in V8, on every call.
  const built: TransportRequest = {
    method: request.method,
    path: context.apiPrefix + request.path,
    query: request.query,
    body: request.body,
    headers: call?.httpOptions?.headers,
    signal: source === undefined ? (request.signal ?? call?.abortSignal) : undefined,
    abortSource: source,
    stream: request.stream,
    timeout: call?.httpOptions?.timeout,
    maxRetries: request.maxRetries,
    retryOnTimeout: request.retryOnTimeout,
    context: { route: 'native', operation, model, stream: Boolean(request.stream) },
  };
  // A stream sends its own abort source, which the caller's `abortSignal` feeds; a middleware
  // that reads `signal` gets that source's `AbortSignal`, made then.
  return source === undefined
    ? built
    : sourcedRequest(built as TransportRequest & { abortSource: AbortSource });
}

/** One call of the native client: what the transport sends, and what middleware is told of it. */
interface NativeCall {
  context: NativeContext;
  call?: CallOptions | undefined;
  operation: Operation;
  model?: string | undefined;
  request: Omit<TransportRequest, 'context'>;
}

/**
 * Sends a call that answers one JSON body.
 *
 * @example
 * ```ts
 * const { body } = await requestJson({ context, operation: 'get', request: { method: 'GET', path: 'models/gemini-2.5-flash' } });
 * ```
 */
export async function requestJson({
  context,
  call,
  operation,
  model,
  request,
}: NativeCall): Promise<{ body: unknown; requestId: string | undefined; headers: Record<string, string> }> {
  const response = await context.transport.request(requestOf({ context, call, operation, model, request }));
  if (response.kind !== 'json') {
    throw new UpstreamError(`Expected a JSON answer to ${operation}, got a stream.`, {
      statusCode: response.status,
      requestId: response.requestId,
    });
  }
  return { body: response.body, requestId: response.requestId, headers: response.headers };
}

/** Sends a call that answers server-sent events. */
export async function requestStream({
  context,
  call,
  operation,
  model,
  request,
}: NativeCall): Promise<StreamTransportResponse> {
  const response = await context.transport.request(requestOf({ context, call, operation, model, request }));
  if (response.kind !== 'stream') {
    throw new UpstreamError(`Expected a stream answer to ${operation}, got one JSON body.`, {
      statusCode: response.status,
      requestId: response.requestId,
    });
  }
  return response;
}
