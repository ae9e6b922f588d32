// PLACEHOLDER: being implemented (issue 2). Signatures are final.
import type { Route } from './model-catalog.js';

/**
 * Normalizes a base URL for a route: trailing slashes removed; a bare host completed with
 * `/gemini` (native) or `/v1` (openai); `undefined` gives `AIHUBMIX_BASE_URL`-derived or the default
 * (`https://aihubmix.com/gemini`, `https://aihubmix.com/v1`).
 */
export function resolveBaseURL(_options: {
  baseURL?: string | undefined;
  route: Route;
  env?: Record<string, string | undefined> | undefined;
}): string {
  throw new Error('not implemented yet');
}

/** The API key passed in, else `AIHUBMIX_API_KEY`; throws `AuthenticationError` (no request sent) when neither is set. */
export function resolveApiKey(_options: {
  apiKey?: string | undefined;
  env?: Record<string, string | undefined> | undefined;
}): string {
  throw new Error('not implemented yet');
}
