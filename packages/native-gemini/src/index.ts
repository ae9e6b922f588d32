// From core: the errors every method throws, so a caller checks them without installing
// core-transport (pnpm's strict layout hides a transitive package), the same list as
// @gemgate/openai-compat; and the usage converter, which both clients share.
export {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  convertGeminiUsage,
  GemgateError,
  InsufficientQuotaError,
  InterruptedAnswerError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  StreamInterruptedError,
  TimeoutError,
  tokenCountToNumber,
  UnprocessableEntityError,
  UpstreamError,
} from '@gemgate/core-transport';
export type { GenerateContentRequest } from './build-generate-content-request.js';
export { type CacheExpiration, Caches, type CreateCachedContentConfig } from './caches.js';
export { Chat, type ChatMessage, Chats } from './chats.js';
export { checkNativeModel } from './check-native-model.js';
export { createGemini, type Gemini, type GeminiOptions } from './create-gemini.js';
export {
  BlockedReason,
  FinishReason,
  FunctionCallingConfigMode,
  HarmBlockThreshold,
  HarmCategory,
  Language,
  MediaResolution,
  Modality,
  Outcome,
  PartMediaResolutionLevel,
  ThinkingLevel,
  Type,
} from './enums.js';
export type * from './generate-content-config.js';
export {
  type CodeExecution,
  type FunctionCallInfo,
  GenerateContentResponse,
} from './generate-content-response.js';
export { GenerateContentStream, type GenerateContentStreamView } from './generate-content-stream.js';
export { GoogleGenAI, type GoogleGenAIHttpOptions, type GoogleGenAIOptions } from './google-genai-compat.js';
export {
  type CountTokensResponse,
  type EmbedContentConfig,
  type EmbedContentResponse,
  type GenerateContentParameters,
  Models,
} from './models.js';
export type { CallOptions, SdkHttpResponse } from './native-context.js';
export {
  type BinaryInlinePart,
  type ContentInput,
  type ContentListInput,
  type ContentTurnInput,
  contentsCarryBinary,
  normalizeContent,
  normalizeContents,
  type PartInput,
} from './normalize-contents.js';
// The pager is what `models.list()` and `caches.list()` return: its type is public, its constructor is not.
export type { Page, Pager } from './pager.js';
export { formatExpireTime, formatTtl } from './parse-ttl.js';
export {
  createModelContent,
  createPartFromBase64,
  createPartFromCodeExecutionResult,
  createPartFromExecutableCode,
  createPartFromFunctionCall,
  createPartFromFunctionResponse,
  createPartFromText,
  createPartFromUri,
  createUserContent,
  type PartListUnion,
  type PartUnion,
} from './part-helpers.js';
export { createGeminiToolLoopAdapter, type GeminiToolLoopClient } from './tool-loop-adapter.js';
export type * from './wire-types.js';
