export { AbortSource } from './abort-listeners.js';
export type { BackoffOptions } from './backoff-delay.js';
export { type BinarySlot, binarySource, isBinarySlot } from './binary-slot.js';
export type { CallContext, Operation } from './call-context.js';
export {
  type LintAdjustment,
  type LintableRequest,
  type LintField,
  type LintIssue,
  type LintOptions,
  lintRequest,
} from './catalog/lint-request.js';
export {
  type DescribedModel,
  describeModel,
  type LoadModelRegistryOptions,
  loadModelRegistry,
  type ModelRegistry,
  parseModelsAnswer,
  priceUnitReference,
  type RegistryEntry,
  type RegistryPricing,
} from './catalog/model-registry.js';
export { type RetiredModel, retiredModelOf, retiredModels } from './catalog/retired-models.js';
export { checkUsage, type UsageMismatch } from './check-usage.js';
export type { ClientOptions } from './client-options.js';
export {
  convertGeminiUsage,
  type GeminiUsageMetadata,
  type TokenCount,
  tokenCountToNumber,
} from './convert-gemini-usage.js';
export { convertOpenAIUsage, type OpenAIWireUsage } from './convert-openai-usage.js';
export { createTransport } from './create-transport.js';
export { decodeJsonArrayStream } from './decode-json-array-stream.js';
export { decodeSse, type SseEvent } from './decode-sse.js';
export { type EncodedJsonWithBinary, encodeJsonWithBinary } from './encode-json-with-binary.js';
export { errorFromResponse, isErrorEnvelope, isRetryableStatus } from './error-from-response.js';
export { errorOfEnvelope } from './error-of-envelope.js';
export * from './errors.js';
// Not `export *`: `reasoningEffortBudgets` is a fact table for gemgate's own packages, not an
// API, so it is exported from `./internal` only.
export {
  checkThinking,
  gatewayVariantOf,
  lookupModel,
  type ModelFamily,
  type ModelInfo,
  modelFamilies,
  type ReasoningEffort,
  type Route,
  type ThinkingIssue,
  type ThinkingLevel,
  type ThinkingRequest,
  type ThinkingRules,
} from './model-catalog.js';
export { parseRetryDelay } from './parse-retry-delay.js';
export { redactSecrets } from './redact-secrets.js';
export { resolveApiKey, resolveAppCode, resolveBaseURL } from './resolve-config.js';
export {
  type OpenOptions,
  type ResponseAccumulator,
  ResponseStream,
  type ResponseStreamOptions,
} from './response-stream.js';
export * from './tool-loop.js';
export type * from './transport-types.js';
export type { EndUnread, UnreadStreamHold } from './unread-streams.js';
export * from './usage.js';
