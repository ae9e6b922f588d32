/** How the transport waits between tries. */
export interface BackoffOptions {
  /** The first retry waits up to this long (full jitter). Default 500 ms. */
  initialDelay?: number | undefined;
  /** No computed backoff exceeds this. Default 8 s. */
  maxDelay?: number | undefined;
  /**
   * The longest wait the transport accepts from the upstream (`Retry-After`, `RetryInfo`).
   * When the upstream asks for more, the transport gives up at once and throws the error,
   * whose `retryAfterMs` says how long to wait. Default 60 s.
   */
  maxServerDelay?: number | undefined;
}

/**
 * The wait before retry number `attempt` (0 for the first retry): exponential backoff
 * with full jitter, capped, so many clients hit by the same outage do not retry in step.
 *
 * @example
 * ```ts
 * import { backoffDelay } from '@gemgate/core-transport';
 * backoffDelay({ attempt: 2, initialDelay: 500, maxDelay: 8000 }); // somewhere in [0, 2000)
 * ```
 */
export function backoffDelay({
  attempt,
  initialDelay = 500,
  maxDelay = 8000,
  random = Math.random,
}: {
  attempt: number;
  initialDelay?: number | undefined;
  maxDelay?: number | undefined;
  random?: () => number;
}): number {
  const ceiling = Math.min(maxDelay, initialDelay * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
