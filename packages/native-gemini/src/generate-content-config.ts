import type { z } from 'zod';
import type { ContentInput } from './normalize-contents.js';

/** How much the model thinks, and whether it shows its thought summaries. */
export interface ThinkingConfig {
  /** Tokens the model may think with: 0 turns thinking off (Flash only), -1 lets it decide. */
  thinkingBudget?: number | undefined;
  /** Return thought summaries as parts with `thought: true`. */
  includeThoughts?: boolean | undefined;
  /** Gemini 3: `minimal`, `low`, `medium`, `high`. Never together with `thinkingBudget`. */
  thinkingLevel?: string | undefined;
  [key: string]: unknown;
}

/** A function the model may call, described with an OpenAPI-subset or JSON schema. */
export interface FunctionDeclaration {
  name: string;
  description?: string | undefined;
  parameters?: Record<string, unknown> | undefined;
  parametersJsonSchema?: unknown;
  [key: string]: unknown;
}

/** A tool: function declarations, code execution, search, ... (unknown tools pass through). */
export interface Tool {
  functionDeclarations?: FunctionDeclaration[] | undefined;
  codeExecution?: Record<string, unknown> | undefined;
  googleSearch?: Record<string, unknown> | undefined;
  [key: string]: unknown;
}

/** How the model must use the declared functions. */
export interface ToolConfig {
  functionCallingConfig?:
    | { mode?: string | undefined; allowedFunctionNames?: string[] | undefined; [key: string]: unknown }
    | undefined;
  [key: string]: unknown;
}

/** One safety filter threshold. */
export interface SafetySetting {
  category: string;
  threshold: string;
  [key: string]: unknown;
}

/**
 * The `config` of `generateContent`, shaped like `@google/genai`'s `GenerateContentConfig`.
 * `systemInstruction`, `tools`, `toolConfig`, `safetySettings` and `cachedContent` go to the
 * top level of the request; every other field, known or not, goes into `generationConfig`.
 */
export interface GenerateContentConfig {
  systemInstruction?: ContentInput | undefined;
  maxOutputTokens?: number | undefined;
  temperature?: number | undefined;
  topP?: number | undefined;
  topK?: number | undefined;
  stopSequences?: string[] | undefined;
  seed?: number | undefined;
  candidateCount?: number | undefined;
  presencePenalty?: number | undefined;
  frequencyPenalty?: number | undefined;
  thinkingConfig?: ThinkingConfig | undefined;
  /** `MEDIA_RESOLUTION_LOW` (64 tokens per image), `_MEDIUM` (256), `_HIGH`; `LOW`/`MEDIUM`/`HIGH` accepted too. */
  mediaResolution?: string | undefined;
  responseMimeType?: string | undefined;
  /**
   * The shape of a JSON answer: a zod schema (converted, and used to validate `parsed`), or a
   * JSON Schema or OpenAPI-subset object; either is written into Gemini's subset (`nullable`,
   * no `additionalProperties`, `$ref`s inlined) by `toGeminiSchema` of `@gemgate/core-transport/json-schema`.
   */
  responseSchema?: z.ZodType | Record<string, unknown> | undefined;
  /**
   * A JSON Schema (Gemini 2.5 and later): a zod schema (converted, recursion allowed, and used to
   * validate `parsed`), or a JSON Schema object sent as is (without `$schema`).
   */
  responseJsonSchema?: unknown;
  responseModalities?: string[] | undefined;
  tools?: Tool[] | undefined;
  toolConfig?: ToolConfig | undefined;
  safetySettings?: SafetySetting[] | undefined;
  /** An explicit cache (`cachedContents/...`); sent at the top level of the request. */
  cachedContent?: string | undefined;
  /** Cancels the call (not sent). */
  abortSignal?: AbortSignal | undefined;
  /** Per-call transport options (not sent). */
  httpOptions?: { headers?: Record<string, string> | undefined; timeout?: number | undefined } | undefined;
  [key: string]: unknown;
}
