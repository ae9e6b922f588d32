// The errors every method throws, so a caller checks them without installing core-transport.
export {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  GemgateError,
  InsufficientQuotaError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  StreamInterruptedError,
  TimeoutError,
  UnprocessableEntityError,
  UpstreamError,
} from '@gemgate/core-transport';
export { ChatCompletionChunk } from './chat-completion-chunk.js';
export { ChatCompletionResult } from './chat-completion-result.js';
export { ChatCompletionStream } from './chat-completion-stream.js';
export type * from './chat-params.js';
export { toolNamePattern } from './check-tool-names.js';
export { convertOpenAIUsage } from './convert-openai-usage.js';
export {
  createOpenAICompat,
  type OpenAICompatClient,
  type OpenAICompatOptions,
} from './create-openai-compat.js';
export type { Embedding, EmbeddingCreateParams, EmbeddingResult } from './embeddings.js';
export type { Model, ModelList, ModelListPromise } from './list-models.js';
export type { ToolCall } from './parse-tool-calls.js';
export type * from './wire-types.js';
export { zodResponseFormat } from './zod-response-format.js';
