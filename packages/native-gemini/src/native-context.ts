import {
  type CallContext,
  type Logger,
  type Operation,
  type StreamTransportResponse,
  type Transport,
  type TransportRequest,
  UpstreamError,
} from '@gemgate/core-transport';

/** What every part of the client shares: the transport, the API version prefix, the logger. */
export interface NativeContext {
  transport: Transport;
  /** `v1beta/`, or `''` when the base URL already ends with the version. */
  apiPrefix: string;
  logger: Logger | undefined;
  /** How streams are requested: `sse` (`?alt=sse`, the default) or Gemini's streamed JSON array. */
  streamFormat: 'sse' | 'json-array';
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
  const callContext: CallContext = { route: 'native', operation, model, stream: Boolean(request.stream) };
  return {
    ...request,
    path: context.apiPrefix + request.path,
    // A stream sends its own signal, which the caller's `abortSignal` feeds.
    signal: request.signal ?? call?.abortSignal,
    headers: call?.httpOptions?.headers,
    timeout: call?.httpOptions?.timeout,
    context: callContext,
  };
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
}: NativeCall): Promise<{ body: unknown; requestId: string | undefined }> {
  const response = await context.transport.request(requestOf({ context, call, operation, model, request }));
  if (response.kind !== 'json') {
    throw new UpstreamError(`Expected a JSON answer to ${operation}, got a stream.`, {
      statusCode: response.status,
      requestId: response.requestId,
    });
  }
  return { body: response.body, requestId: response.requestId };
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
