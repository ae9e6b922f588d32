import type { TransportRequest } from '@gemgate/core-transport';
import type { RequestOptions } from './chat-params.js';

/** The per-call options a transport request takes, and nothing else the caller's object holds. */
export function transportOptionsOf({
  options = {},
}: {
  options?: RequestOptions | undefined;
}): Pick<TransportRequest, 'signal' | 'headers' | 'timeout' | 'maxRetries'> {
  const { signal, headers, timeout, maxRetries } = options;
  return { signal, headers, timeout, maxRetries };
}
