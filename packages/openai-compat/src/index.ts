// The errors every method throws, and core's usage converter, so a caller uses them without
// installing core-transport.
export {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  convertOpenAIUsage,
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
  UnprocessableEntityError,
  UpstreamError,
} from '@gemgate/core-transport';
// One rule for both routes, from core; re-exported so openai-compat users need no other import.
export { toolNamePattern } from '@gemgate/core-transport/json-schema';
export { APIPromise } from './api-promise.js';
export { ChatCompletionChunk } from './chat-completion-chunk.js';
export { ChatCompletionResult } from './chat-completion-result.js';
export { ChatCompletionStream } from './chat-completion-stream.js';
export type * from './chat-params.js';
export {
  createOpenAICompat,
  type OpenAICompatClient,
  type OpenAICompatOptions,
} from './create-openai-compat.js';
export type { EmbeddingUsage, EmbeddingWireUsage } from './embedding-usage.js';
export type { Embedding, EmbeddingCreateParams, EmbeddingResult } from './embeddings.js';
export type { Model, ModelList, ModelListPromise } from './list-models.js';
export type { OpenAIUsage } from './openai-usage.js';
export type { ToolCall } from './parse-tool-calls.js';
export {
  type ChatCompletionParseParams,
  ParsedChatCompletion,
  type ParsedChoice,
} from './parsed-chat-completion.js';
export { createOpenAIToolLoopAdapter, type OpenAIToolLoopClient } from './tool-loop-adapter.js';
export type * from './wire-types.js';
export { zodResponseFormat } from './zod-response-format.js';
