import type { TransportRequest } from '@gemgate/core-transport';
import type { RequestOptions } from './chat-params.js';

/** The per-call options a transport request takes, and nothing else the caller's object holds. */
export function transportOptionsOf({
  options,
}: {
  options?: RequestOptions | null | undefined;
}): Pick<TransportRequest, 'signal' | 'headers' | 'timeout' | 'maxRetries'> {
  // `null` is what some callers pass for "no options"; it must not be a TypeError.
  const { signal, headers, timeout, maxRetries } = options ?? {};
  return { signal, headers, timeout, maxRetries };
}
