/**
 * The native Gemini REST (v1beta) wire vocabulary, as plain TypeScript types.
 *
 * Enums (`finishReason`, `role`, `blockReason`, ...) are open strings: the upstream adds values
 * faster than we release, and an unknown value must never fail a response. Token counts are
 * `number | string` because Google serialises int64 fields as strings in some encodings.
 */

/** A token count: int64 on the wire, so a JSON string is accepted too. */
export type TokenCount = number | string;

/** Raw bytes inlined in a request (base64). */
export interface Blob {
  mimeType: string;
  /** Base64 data. */
  data: string;
  [key: string]: unknown;
}

/** A function call the model asks the caller to run. */
export interface FunctionCall {
  id?: string | undefined;
  name: string;
  args?: Record<string, unknown> | undefined;
  [key: string]: unknown;
}

/** The caller's answer to a `FunctionCall`. */
export interface FunctionResponse {
  id?: string | undefined;
  name: string;
  response: Record<string, unknown>;
  [key: string]: unknown;
}

/** Code the model wrote with the code-execution tool. */
export interface ExecutableCode {
  language?: string | undefined;
  code: string;
  [key: string]: unknown;
}

/** The result of running an `ExecutableCode` part. */
export interface CodeExecutionResult {
  /** `OUTCOME_OK`, `OUTCOME_FAILED`, `OUTCOME_DEADLINE_EXCEEDED`, ... (open set). */
  outcome?: string | undefined;
  output?: string | undefined;
  [key: string]: unknown;
}

/** One part of a content. Exactly one data field is set; `thought` and `thoughtSignature` may accompany it. */
export interface Part {
  text?: string | undefined;
  /** Marks a thought summary (only with `includeThoughts`). */
  thought?: boolean | undefined;
  /** Opaque signature of the model's reasoning; must be sent back in place (Gemini 3). */
  thoughtSignature?: string | undefined;
  inlineData?: Blob | undefined;
  fileData?: { mimeType?: string; fileUri: string; [key: string]: unknown } | undefined;
  functionCall?: FunctionCall | undefined;
  functionResponse?: FunctionResponse | undefined;
  executableCode?: ExecutableCode | undefined;
  codeExecutionResult?: CodeExecutionResult | undefined;
  [key: string]: unknown;
}

/** A turn of the conversation. */
export interface Content {
  /** `user` or `model` (open set). */
  role?: string | undefined;
  parts?: Part[] | undefined;
  [key: string]: unknown;
}

/** `usageMetadata` of a native answer. See `convertGeminiUsage` for how the counts relate. */
export interface UsageMetadata {
  /** Everything the model read, cached tokens included. */
  promptTokenCount?: TokenCount | undefined;
  /** What the model wrote as its answer, thoughts excluded. */
  candidatesTokenCount?: TokenCount | undefined;
  /** What the model spent thinking. */
  thoughtsTokenCount?: TokenCount | undefined;
  /** The share of `promptTokenCount` read from a cache. */
  cachedContentTokenCount?: TokenCount | undefined;
  /** Tool results the model read. */
  toolUsePromptTokenCount?: TokenCount | undefined;
  /** prompt + candidates + toolUsePrompt + thoughts. */
  totalTokenCount?: TokenCount | undefined;
  [key: string]: unknown;
}

/** One answer of the model. */
export interface Candidate {
  content?: Content | undefined;
  /** `STOP`, `MAX_TOKENS`, `SAFETY`, ... (open set). */
  finishReason?: string | undefined;
  index?: number | undefined;
  [key: string]: unknown;
}

/** Why a prompt was refused before any candidate was produced. */
export interface PromptFeedback {
  /** `SAFETY`, `BLOCKLIST`, `PROHIBITED_CONTENT`, `OTHER`, ... (open set). */
  blockReason?: string | undefined;
  safetyRatings?: Record<string, unknown>[] | undefined;
  [key: string]: unknown;
}

/** The JSON body of `:generateContent`, and of each chunk of `:streamGenerateContent`. */
export interface GenerateContentResponseBody {
  candidates?: Candidate[] | undefined;
  promptFeedback?: PromptFeedback | undefined;
  usageMetadata?: UsageMetadata | undefined;
  modelVersion?: string | undefined;
  responseId?: string | undefined;
  [key: string]: unknown;
}

/** A model as `models.get` and `models.list` describe it. */
export interface Model {
  /** `models/gemini-2.5-flash`. */
  name: string;
  baseModelId?: string | undefined;
  version?: string | undefined;
  displayName?: string | undefined;
  description?: string | undefined;
  inputTokenLimit?: number | undefined;
  outputTokenLimit?: number | undefined;
  supportedGenerationMethods?: string[] | undefined;
  [key: string]: unknown;
}

/** An explicit context cache (`cachedContents/...`). */
export interface CachedContent {
  /** `cachedContents/abc123`. */
  name: string;
  model?: string | undefined;
  displayName?: string | undefined;
  createTime?: string | undefined;
  updateTime?: string | undefined;
  expireTime?: string | undefined;
  usageMetadata?: { totalTokenCount?: TokenCount | undefined; [key: string]: unknown } | undefined;
  [key: string]: unknown;
}

/** One embedding vector. */
export interface ContentEmbedding {
  values: number[];
  [key: string]: unknown;
}
