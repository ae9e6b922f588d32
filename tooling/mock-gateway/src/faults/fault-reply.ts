import type { ErrorReply } from '../http/error-reply.js';
import type { Fault } from './parse-fault.js';

/** The error answer of a status fault, with the retry hints it asked for. */
export function faultReply(fault: Extract<Fault, { kind: 'status' }>): ErrorReply {
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  const messages: Record<number, string> = {
    429: 'Resource has been exhausted (e.g. check quota).',
    500: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
    503: 'The model is overloaded. Please try again later.',
  };
  return {
    status: fault.status,
    message: messages[fault.status] ?? `Injected fault ${fault.status}.`,
    headers,
    ...(fault.retryInfo
      ? { details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: fault.retryInfo }] }
      : {}),
    ...(fault.status === 429 ? { openaiCode: 'rate_limit_exceeded' } : {}),
  };
}
