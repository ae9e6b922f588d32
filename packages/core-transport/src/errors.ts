/**
 * Typed errors for every way a call through the gateway can fail.
 *
 * Each class carries a `Symbol.for('gemgate.error.<Name>')` marker and a static
 * `isInstance()` so that checks survive two copies of a package in one dependency tree,
 * where `instanceof` would silently answer `false`.
 */

const baseMarker = Symbol.for('gemgate.error');

/** What every gemgate error carries, beyond the message. All fields are free of secrets. */
export interface GemgateErrorOptions {
  /** HTTP status of the upstream's answer, when there was one. */
  statusCode?: number | undefined;
  /** The gateway's request id (`x-request-id`, or the `tid` quoted in its message). */
  requestId?: string | undefined;
  /** The upstream's error body, parsed when it was JSON, with secrets redacted. */
  responseBody?: unknown;
  /** The upstream's own error code (`RESOURCE_EXHAUSTED`, `invalid_request_error`, `insufficient_user_quota`, ...). */
  code?: string | number | undefined;
  /** The upstream's `status` (Google) or `type` (OpenAI) string. */
  upstreamStatus?: string | undefined;
  /** The request parameter the upstream blamed, when it named one (OpenAI `param`). */
  param?: string | undefined;
  /** Whether sending the same request again may succeed. */
  isRetryable?: boolean | undefined;
  /** The underlying error. */
  cause?: unknown;
  /** The upstream's response headers, lower-cased, with secrets redacted. */
  headers?: Record<string, string> | undefined;
  /**
   * The upstream's error object, parsed: the `error` member of `{ error: {...} }` (Google and
   * OpenAI shapes), or the whole body when it is a flat `{ code, type, message }`.
   */
  error?: unknown;
}

/**
 * The base class of every error gemgate throws.
 *
 * @example
 * ```ts
 * import { GemgateError } from '@gemgate/core-transport';
 * try {
 *   await Promise.reject(new GemgateError('boom'));
 * } catch (error) {
 *   if (GemgateError.isInstance(error)) console.error(error.requestId, error.message);
 * }
 * ```
 */
export class GemgateError extends Error {
  readonly [baseMarker] = true;
  readonly statusCode: number | undefined;
  /** The same value as `statusCode`, under the name `@google/genai` and `openai` use. */
  readonly status: number | undefined;
  /** The response headers, when an answer arrived (lower-cased, secrets redacted). */
  readonly headers: Record<string, string> | undefined;
  /** The upstream's parsed error object, when it sent one (see `GemgateErrorOptions.error`). */
  readonly error: unknown;
  readonly requestId: string | undefined;
  readonly responseBody: unknown;
  readonly code: string | number | undefined;
  readonly upstreamStatus: string | undefined;
  readonly param: string | undefined;
  readonly isRetryable: boolean;

  constructor(message: string, options: GemgateErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.statusCode = options.statusCode;
    this.status = options.statusCode;
    this.headers = options.headers;
    this.error = options.error;
    this.requestId = options.requestId;
    this.responseBody = options.responseBody;
    this.code = options.code;
    this.upstreamStatus = options.upstreamStatus;
    this.param = options.param;
    this.isRetryable = options.isRetryable ?? false;
    // Mark every class from this one up to the base, so `PermissionDeniedError.isInstance()`
    // holds for an `InsufficientQuotaError` as `instanceof` would.
    for (
      let errorClass: Function | undefined = new.target;
      errorClass && errorClass !== GemgateError;
      errorClass = Object.getPrototypeOf(errorClass)
    ) {
      Object.defineProperty(this, Symbol.for(`gemgate.error.${errorClass.name}`), { value: true });
    }
  }

  /** Whether `value` is a gemgate error, from any copy of this package. */
  static isInstance<T extends abstract new (...args: never[]) => GemgateError>(
    this: T,
    value: unknown,
  ): value is InstanceType<T> {
    return isMarked(
      value,
      (this as unknown) === GemgateError ? baseMarker : Symbol.for(`gemgate.error.${this.name}`),
    );
  }

  /** A plain, secret-free object for logs and JSON. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      statusCode: this.statusCode,
      status: this.status,
      requestId: this.requestId,
      code: this.code,
      upstreamStatus: this.upstreamStatus,
      param: this.param,
      isRetryable: this.isRetryable,
      responseBody: this.responseBody,
    };
  }
}

function isMarked(value: unknown, marker: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}

/** The caller's arguments are wrong; nothing was sent. The message says what to change. */
export class InvalidArgumentError extends GemgateError {
  /** The argument at fault, as a dotted path (`config.thinkingConfig.thinkingBudget`). */
  readonly argument: string | undefined;
  constructor(message: string, options: GemgateErrorOptions & { argument?: string | undefined } = {}) {
    super(message, options);
    this.argument = options.argument;
  }
}

/** 400: the upstream rejected the request. */
export class BadRequestError extends GemgateError {}
/** 401: the API key is missing, wrong or revoked. */
export class AuthenticationError extends GemgateError {}
/** 403: the key may not do this. */
export class PermissionDeniedError extends GemgateError {}
/** 403 `insufficient_user_quota`: the account has no balance left. Top up, then retry. */
export class InsufficientQuotaError extends PermissionDeniedError {}
/** 404: no such model, route or resource. */
export class NotFoundError extends GemgateError {}
/** 409: the resource changed under the request. */
export class ConflictError extends GemgateError {}
/** 422: the request was well-formed but could not be processed. */
export class UnprocessableEntityError extends GemgateError {}

/** 429: rate limited or out of quota for now. */
export class RateLimitError extends GemgateError {
  /** How long the upstream asked us to wait, from `retry-after-ms`, `Retry-After` or `RetryInfo.retryDelay`. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: GemgateErrorOptions & { retryAfterMs?: number | undefined } = {}) {
    super(message, { isRetryable: true, ...options });
    this.retryAfterMs = options.retryAfterMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/** 5xx: the upstream failed. The gateway also answers 503 for an unknown model id. */
export class ServerError extends GemgateError {}

/** Which of the layered timeouts fired. */
export type TimeoutPhase = 'total' | 'firstByte' | 'chunkGap';

/** A timeout fired; `phase` says which one. */
export class TimeoutError extends GemgateError {
  readonly phase: TimeoutPhase;
  readonly timeoutMs: number;
  constructor(message: string, options: GemgateErrorOptions & { phase: TimeoutPhase; timeoutMs: number }) {
    super(message, { isRetryable: options.phase !== 'chunkGap', ...options });
    this.phase = options.phase;
    this.timeoutMs = options.timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), phase: this.phase, timeoutMs: this.timeoutMs };
  }
}

/** The connection failed before an answer arrived (refused, reset, DNS, TLS). */
export class ConnectionError extends GemgateError {
  constructor(message: string, options: GemgateErrorOptions = {}) {
    super(message, { isRetryable: true, ...options });
  }
}

/** The caller's `AbortSignal` fired. */
export class AbortedError extends GemgateError {}

/**
 * A 2xx answer began (its headers arrived) and its body broke before the end. Never retried
 * by the transport, since the upstream may already have done, and billed, the work: the
 * fields say what arrived, so the caller can decide whether to send again.
 */
export class InterruptedAnswerError extends GemgateError {
  /** Bytes of the body that arrived before it broke (a non-streamed answer). */
  readonly receivedBytes: number | undefined;
  /** Events that arrived before it broke (a streamed answer). */
  readonly receivedEvents: number | undefined;
  constructor(
    message: string,
    options: GemgateErrorOptions & {
      receivedBytes?: number | undefined;
      receivedEvents?: number | undefined;
    },
  ) {
    super(message, { ...options, isRetryable: false });
    this.receivedBytes = options.receivedBytes;
    this.receivedEvents = options.receivedEvents;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), receivedBytes: this.receivedBytes, receivedEvents: this.receivedEvents };
  }
}

/**
 * A stream stopped before it was complete. `partial` holds every event that did arrive. An
 * `InterruptedAnswerError`, so one check covers a broken answer, streamed or not.
 */
export class StreamInterruptedError extends InterruptedAnswerError {
  readonly partial: readonly unknown[];
  constructor(message: string, options: GemgateErrorOptions & { partial: readonly unknown[] }) {
    super(message, { ...options, receivedEvents: options.partial.length });
    this.partial = options.partial;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), partialEvents: this.partial.length };
  }
}

/** The upstream answered 2xx with a body that does not have the documented shape. */
export class ResponseValidationError extends GemgateError {
  /** The part of the body at fault, as a dotted path. */
  readonly path: string | undefined;
  constructor(message: string, options: GemgateErrorOptions & { path?: string | undefined } = {}) {
    super(message, options);
    this.path = options.path;
  }
}

/** Any other non-2xx status. */
export class UpstreamError extends GemgateError {}
