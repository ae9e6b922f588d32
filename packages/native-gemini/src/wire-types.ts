/**
 * The native Gemini REST (v1beta) wire vocabulary. Each type is inferred from its lenient zod
 * schema in `@gemgate/core-transport/wire`, so the type and the check cannot drift apart.
 *
 * Enums (`finishReason`, `role`, `blockReason`, ...) are open strings: the upstream adds values
 * faster than we release. Token counts are `number | string` because Google serialises int64
 * fields as strings in some encodings.
 */
export type {
  Blob,
  CachedContent,
  Candidate,
  CodeExecutionResult,
  Content,
  ContentEmbedding,
  CountTokensRequest,
  EmbedContentRequest,
  ExecutableCode,
  FileData,
  FunctionCall,
  FunctionResponse,
  GenerateContentRequest as GenerateContentRequestBody,
  GenerateContentResponseBody,
  GenerationConfig,
  Model,
  Part,
  PartialArg,
  PromptFeedback,
  TokenCount,
  UsageMetadata,
} from '@gemgate/core-transport/wire';
