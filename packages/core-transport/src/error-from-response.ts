import { STATUS_CODES } from 'node:http';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type GemgateError,
  type GemgateErrorOptions,
  InsufficientQuotaError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
  UpstreamError,
} from './errors.js';
import { parseRetryDelay } from './parse-retry-delay.js';
import { redactSecrets, redactValue } from './redact-secrets.js';

/** What any of the upstream's error envelopes says, once read. */
interface Envelope {
  message: string | undefined;
  code: string | number | undefined;
  upstreamStatus: string | undefined;
  param: string | undefined;
}

/** Google's canonical status names, for errors met inside a 200 stream that carry no numeric code. */
const googleStatusCodes: Record<string, number> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  OUT_OF_RANGE: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ABORTED: 409,
  ALREADY_EXISTS: 409,
  RESOURCE_EXHAUSTED: 429,
  CANCELLED: 499,
  INTERNAL: 500,
  UNKNOWN: 500,
  DATA_LOSS: 500,
  NOT_IMPLEMENTED: 501,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

/** The gateway quotes its trace id in messages: `... (tid: 2025061212345678901234567)`. */
const tidPattern = /\btid[\s:=]+([A-Za-z0-9_-]+)/i;

/**
 * Turns a non-2xx answer (or an error object met inside a stream, status 200) into the
 * right typed error. Reads Google `{error:{code,message,status,details}}`, OpenAI
 * `{error:{message,type,param,code}}`, flat `{code,type,message}`, a JSON array of Google
 * errors, an error sent as server-sent events, and empty or non-JSON bodies (the message
 * falls back to the status text). Secrets are scrubbed from the message and the kept body.
 * Never throws.
 *
 * @example
 * ```ts
 * import { errorFromResponse, RateLimitError } from '@gemgate/core-transport';
 * const error = errorFromResponse({
 *   status: 429,
 *   headers: { 'retry-after': '2' },
 *   body: '{"error":{"code":429,"message":"slow down","status":"RESOURCE_EXHAUSTED"}}',
 * });
 * RateLimitError.isInstance(error); // true
 * ```
 */
export function errorFromResponse({
  status,
  headers = {},
  body,
  secrets = [],
}: {
  status: number;
  headers?: Record<string, string> | undefined;
  /** The raw body text, or an already parsed value. */
  body: unknown;
  /** Secrets to scrub from messages and the kept body. */
  secrets?: readonly string[] | undefined;
}): GemgateError {
  try {
    // Redact before reading anything: the upstream may echo the key in any field.
    const parsed = redactValue(typeof body === 'string' ? parseBodyText(body) : body, secrets);
    const envelope = readEnvelope(parsed);
    const effectiveStatus = status >= 400 ? status : (statusFromEnvelope(envelope) ?? status);
    const rawMessage =
      envelope.message ??
      (typeof parsed === 'string' && parsed.trim() !== '' ? parsed.trim().slice(0, 500) : undefined) ??
      STATUS_CODES[effectiveStatus] ??
      'Unknown error';
    const message = redactSecrets(`${effectiveStatus} ${rawMessage}`, secrets);
    const requestId = headers['x-request-id'] ?? tidPattern.exec(rawMessage)?.[1];
    const shouldRetryHeader = headers['x-should-retry'];
    const options: GemgateErrorOptions = {
      statusCode: effectiveStatus,
      requestId,
      headers: redactHeaders({ headers, secrets }),
      error: upstreamErrorOf(parsed),
      responseBody: parsed,
      code: envelope.code,
      upstreamStatus: envelope.upstreamStatus,
      param: envelope.param,
      isRetryable:
        shouldRetryHeader === 'true'
          ? true
          : shouldRetryHeader === 'false'
            ? false
            : isRetryableStatus(effectiveStatus),
    };
    return errorForStatus({ status: effectiveStatus, envelope, message, options, headers, parsed });
  } catch (cause) {
    // The rule is "never throws": a body we cannot read still becomes a typed error.
    return new UpstreamError(`${status} ${STATUS_CODES[status] ?? 'Unknown error'}`, {
      statusCode: status,
      cause,
    });
  }
}

/** Statuses worth a second try: timeouts, conflicts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function errorForStatus({
  status,
  envelope,
  message,
  options,
  headers,
  parsed,
}: {
  status: number;
  envelope: Envelope;
  message: string;
  options: GemgateErrorOptions;
  headers: Record<string, string>;
  parsed: unknown;
}): GemgateError {
  switch (status) {
    case 400:
      return new BadRequestError(message, options);
    case 401:
      return new AuthenticationError(message, options);
    case 403:
      return isInsufficientQuota(envelope)
        ? new InsufficientQuotaError(message, options)
        : new PermissionDeniedError(message, options);
    case 404:
      return new NotFoundError(message, options);
    case 409:
      return new ConflictError(message, options);
    case 422:
      return new UnprocessableEntityError(message, options);
    case 429:
      return new RateLimitError(message, {
        ...options,
        retryAfterMs: parseRetryDelay({ headers, body: parsed }),
      });
    default:
      if (status >= 500) return new ServerError(message, options);
      return new UpstreamError(message, options);
  }
}

/** The gateway answers 403 `insufficient_user_quota` when the account has no balance left. */
function isInsufficientQuota(envelope: Envelope): boolean {
  const marker = 'insufficient_user_quota';
  return (
    envelope.code === marker ||
    envelope.upstreamStatus === marker ||
    (envelope.message?.includes(marker) ?? false) ||
    /insufficient (user )?quota/i.test(envelope.message ?? '')
  );
}

/** A copy of the response headers safe to keep on an error: every value scrubbed of secrets. */
export function redactHeaders({
  headers,
  secrets,
}: {
  headers: Record<string, string>;
  secrets: readonly string[];
}): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const name in headers) copy[name] = redactSecrets(headers[name]!, secrets);
  return copy;
}

/** The error object of a parsed body: `error` of `{ error: {...} }`, or a flat `{ code, message }` itself. */
function upstreamErrorOf(parsed: unknown): unknown {
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  if (typeof first !== 'object' || first === null) return undefined;
  const inner = (first as { error?: unknown }).error;
  return typeof inner === 'object' && inner !== null ? inner : first;
}

function parseBodyText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    // A stream endpoint can answer an error as server-sent events: read the first `data:` line.
    const data = /^data:[ ]?(.*)$/m.exec(trimmed)?.[1];
    if (data !== undefined) {
      try {
        return JSON.parse(data);
      } catch {
        return trimmed;
      }
    }
    return trimmed;
  }
}

function readEnvelope(parsed: unknown): Envelope {
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  const empty: Envelope = {
    message: undefined,
    code: undefined,
    upstreamStatus: undefined,
    param: undefined,
  };
  if (typeof first !== 'object' || first === null) return empty;
  const record = first as Record<string, unknown>;
  const inner = record.error;
  if (typeof inner === 'string') return { ...empty, message: inner, code: asCode(record.code) };
  const source = typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : record;
  return {
    message: asString(source.message) ?? asString(source.msg),
    code: asCode(source.code),
    upstreamStatus: asString(source.status) ?? asString(source.type),
    param: asString(source.param),
  };
}

function statusFromEnvelope(envelope: Envelope): number | undefined {
  const numeric = typeof envelope.code === 'number' ? envelope.code : Number(envelope.code);
  if (Number.isInteger(numeric) && numeric >= 400 && numeric < 600) return numeric;
  // The gateway wraps "no balance left" in a 200 with no numeric code: it is the 403 it means.
  if (isInsufficientQuota(envelope)) return 403;
  // Own keys only: `in` would find `constructor` or `toString` on the prototype.
  if (envelope.upstreamStatus && Object.hasOwn(googleStatusCodes, envelope.upstreamStatus)) {
    return googleStatusCodes[envelope.upstreamStatus];
  }
  return undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function asCode(value: unknown): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/**
 * Whether a body the upstream sent with a 2xx status is really an error: `{error:{...}}`, or
 * a JSON array of those (Google's OpenAI endpoint). No success answer of either protocol has
 * a top-level `error` object.
 *
 * @example
 * ```ts
 * import { isErrorEnvelope } from '@gemgate/core-transport';
 * isErrorEnvelope({ error: { code: 429, message: 'Quota exceeded' } }); // true
 * isErrorEnvelope({ candidates: [] }); // false
 * ```
 */
export function isErrorEnvelope(value: unknown): boolean {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'object' || first === null) return false;
  const error = (first as { error?: unknown }).error;
  return typeof error === 'object' && error !== null;
}
