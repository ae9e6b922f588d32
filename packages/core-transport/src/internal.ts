/**
 * Pieces the gemgate packages share with each other but that are not part of the public API:
 * no semver promise covers this subpath.
 *
 * @internal
 * @module
 */
export { type BackoffOptions, backoffDelay } from './backoff-delay.js';
export { base64Length, encodeBase64Stream } from './base64-encode-stream.js';
export { checkClientHooks } from './check-client-hooks.js';
export { checkOptionNames } from './check-option-names.js';
export { clientLogger } from './client-logger.js';
export { reasoningEffortBudgets } from './model-catalog.js';
export { sourcedRequest } from './sourced-request.js';
export { UnreadStreams } from './unread-streams.js';
