// PLACEHOLDER: being implemented (issue 2). Signature is final.
import type { GemgateError } from './errors.js';

/**
 * Turns a non-2xx answer (or an error object met inside a stream, status 200) into the right typed error.
 * Reads Google `{error:{code,message,status,details}}`, OpenAI `{error:{message,type,param,code}}`,
 * flat `{code,type,message}`, a JSON array of Google errors, and empty or non-JSON bodies. Never throws.
 */
export function errorFromResponse(_options: {
  status: number;
  headers?: Record<string, string> | undefined;
  /** The raw body text, or an already parsed value. */
  body: unknown;
  /** Secrets to scrub from messages and the kept body. */
  secrets?: readonly string[] | undefined;
}): GemgateError {
  throw new Error('not implemented yet');
}
