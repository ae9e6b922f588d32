// PLACEHOLDER: being implemented (issue 2). Signature is final.
import type { Transport, TransportOptions } from './transport-types.js';

/** Creates a transport for one route of the gateway. */
export function createTransport(_options: TransportOptions): Transport {
  throw new Error('createTransport: not implemented yet');
}
