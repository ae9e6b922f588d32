import type { MockRoute } from '../types.js';

/** An error answer, protocol-neutral until it is rendered in an envelope. */
export interface ErrorReply {
  status: number;
  message: string;
  /** Google status string, e.g. `INVALID_ARGUMENT`; derived from `status` when omitted. */
  googleStatus?: string | undefined;
  /** Google `details` entries (`RetryInfo`, `ErrorInfo`, ...). */
  details?: unknown[] | undefined;
  /** OpenAI `type`, e.g. `invalid_request_error`; derived from `status` when omitted. */
  openaiType?: string | undefined;
  openaiCode?: string | null | undefined;
  param?: string | null | undefined;
  headers?: Record<string, string> | undefined;
}

/** The error body shapes the gateway has been seen to send (`x-mock-error-shape`). */
export type ErrorShape = 'google' | 'openai' | 'flat' | 'google-array';

const googleStatusByCode: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  413: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const openaiTypeByCode: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
};

/** The shape a route answers errors in, unless `x-mock-error-shape` asks for another. */
export function errorShapeFor({
  route,
  header,
}: {
  route: MockRoute;
  header: string | undefined;
}): ErrorShape {
  if (header === 'google' || header === 'openai' || header === 'flat' || header === 'google-array')
    return header;
  return route === 'native' ? 'google' : 'openai';
}

/**
 * Renders an error in one of the gateway's envelopes.
 *
 * @example
 * ```ts
 * renderErrorBody({ reply: { status: 404, message: 'nope' }, shape: 'google' });
 * // { error: { code: 404, message: 'nope', status: 'NOT_FOUND' } }
 * ```
 */
export function renderErrorBody({ reply, shape }: { reply: ErrorReply; shape: ErrorShape }): unknown {
  const googleStatus = reply.googleStatus ?? googleStatusByCode[reply.status] ?? 'UNKNOWN';
  const openaiType = reply.openaiType ?? openaiTypeByCode[reply.status] ?? 'api_error';
  const google = {
    error: {
      code: reply.status,
      message: reply.message,
      status: googleStatus,
      ...(reply.details ? { details: reply.details } : {}),
    },
  };
  switch (shape) {
    case 'google':
      return google;
    case 'google-array':
      return [google];
    case 'flat':
      return { code: reply.openaiCode ?? googleStatus, type: openaiType, message: reply.message };
    case 'openai':
      return {
        error: {
          message: reply.message,
          type: openaiType,
          param: reply.param ?? null,
          code: reply.openaiCode === undefined ? String(reply.status) : reply.openaiCode,
        },
      };
  }
}
