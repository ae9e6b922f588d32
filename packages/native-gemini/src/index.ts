export {
  buildGenerateContentRequest,
  type GenerateContentRequest,
} from './build-generate-content-request.js';
export { type CacheExpiration, Caches, type CreateCachedContentConfig } from './caches.js';
export { Chat, type ChatMessage, Chats } from './chats.js';
export { checkNativeModel } from './check-native-model.js';
export { convertGeminiUsage, tokenCountToNumber } from './convert-gemini-usage.js';
export { convertResponseJsonSchema, convertResponseSchema, isZodSchema } from './convert-response-schema.js';
export { createGemini, type Gemini, type GeminiOptions } from './create-gemini.js';
export type * from './generate-content-config.js';
export {
  type CodeExecution,
  type FunctionCallInfo,
  GenerateContentResponse,
} from './generate-content-response.js';
export { GenerateContentStream, type GenerateContentStreamView } from './generate-content-stream.js';
export { GoogleGenAI, type GoogleGenAIHttpOptions, type GoogleGenAIOptions } from './google-genai-compat.js';
export { LazyPromise } from './lazy-promise.js';
export {
  type ChatTurnHooks,
  type CountTokensResponse,
  type EmbedContentConfig,
  type EmbedContentResponse,
  type GenerateContentParameters,
  Models,
} from './models.js';
export type { CallOptions } from './native-context.js';
export {
  type ContentInput,
  type ContentListInput,
  normalizeContent,
  normalizeContents,
} from './normalize-contents.js';
export { type Page, Pager } from './pager.js';
export { formatExpireTime, formatTtl } from './parse-ttl.js';
export { StreamAccumulator } from './stream-accumulator.js';
export type * from './wire-types.js';
