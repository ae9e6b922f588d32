/**
 * The parameters of `chat.completions.create`: the `openai` package's shapes, plus Gemini's
 * `extra_body.google` settings. Fields not listed are sent as they are.
 */

import type { ReasoningEffort, TimeoutOptions } from '@gemgate/core-transport';
import type { z } from 'zod';
import type { WireExtraContent } from './wire-types.js';

export interface TextContentPart {
  type: 'text';
  text: string;
}
export interface ImageContentPart {
  type: 'image_url';
  /** An http(s) URL or a base64 `data:` URL. */
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' | undefined };
}
export interface AudioContentPart {
  type: 'input_audio';
  /** Base64 audio and its format (`wav`, `mp3`, ...). */
  input_audio: { data: string; format: string };
}
export interface FileContentPart {
  type: 'file';
  /** `file_data` is a base64 data URL (a PDF, a CSV, ...). */
  file: { file_data?: string | undefined; file_id?: string | undefined; filename?: string | undefined };
}
export type UserContentPart = TextContentPart | ImageContentPart | AudioContentPart | FileContentPart;

/** A tool call as it goes back in history; keep `extra_content` (Gemini 3's thought signature). */
export interface ToolCallParam {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
  extra_content?: WireExtraContent | undefined;
}

export interface SystemMessageParam {
  role: 'system' | 'developer';
  content: string | TextContentPart[];
  name?: string | undefined;
}
export interface UserMessageParam {
  role: 'user';
  content: string | UserContentPart[];
  name?: string | undefined;
}
export interface AssistantMessageParam {
  role: 'assistant';
  content?: string | TextContentPart[] | null | undefined;
  tool_calls?: ToolCallParam[] | undefined;
  extra_content?: WireExtraContent | undefined;
  name?: string | undefined;
}
export interface ToolMessageParam {
  role: 'tool';
  tool_call_id: string;
  content: string | TextContentPart[];
}
export type ChatMessageParam =
  | SystemMessageParam
  | UserMessageParam
  | AssistantMessageParam
  | ToolMessageParam;

/** A JSON Schema object, or a zod schema (converted with `z.toJSONSchema`). */
export type SchemaParam = Record<string, unknown> | z.ZodType;

export interface FunctionToolParam {
  type: 'function';
  function: {
    /** Must match `^[A-Za-z_][A-Za-z0-9_.-]{0,63}$` (Gemini's rule). */
    name: string;
    description?: string | undefined;
    parameters?: SchemaParam | undefined;
    strict?: boolean | null | undefined;
  };
}

export type ToolChoiceParam = 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } };

/**
 * `response_format`. With `json_schema` and a zod schema, the result's `parsed` is validated
 * against it and typed as its output.
 */
export type ResponseFormatParam<TParsed = unknown> =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: {
        name: string;
        description?: string | undefined;
        schema?: Record<string, unknown> | z.ZodType<TParsed> | undefined;
        strict?: boolean | null | undefined;
      };
    };

/** Gemini's own thinking settings (`extra_body.google.thinking_config`). */
export interface GoogleThinkingConfig {
  thinking_budget?: number | undefined;
  thinking_level?: string | undefined;
  include_thoughts?: boolean | undefined;
}

/** Settings only Gemini knows, sent as `extra_body: { google: {...} }` the way Google's OpenAI endpoint reads them. */
export interface GoogleExtraBody {
  google?:
    | {
        thinking_config?: GoogleThinkingConfig | undefined;
        /** An explicit cache (`cachedContents/...`). */
        cached_content?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  [key: string]: unknown;
}

/** What `chat.completions.create` takes. */
export interface ChatCompletionCreateParams<TParsed = unknown> {
  model: string;
  messages: ChatMessageParam[];
  stream?: boolean | null | undefined;
  /** Defaults to `{ include_usage: true }` when streaming, so the last chunk carries usage. */
  stream_options?: { include_usage?: boolean | undefined } | null | undefined;
  tools?: FunctionToolParam[] | undefined;
  /** Sent as `"auto"` when tools are given without it (the gateway errors otherwise). */
  tool_choice?: ToolChoiceParam | undefined;
  parallel_tool_calls?: boolean | undefined;
  response_format?: ResponseFormatParam<TParsed> | undefined;
  reasoning_effort?: ReasoningEffort | undefined;
  modalities?: Array<'text' | 'audio' | 'image'> | undefined;
  temperature?: number | null | undefined;
  top_p?: number | null | undefined;
  n?: number | null | undefined;
  max_tokens?: number | null | undefined;
  max_completion_tokens?: number | null | undefined;
  extra_body?: GoogleExtraBody | undefined;
  [key: string]: unknown;
}

/** Per-call options, the second argument of every method. */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Extra headers for this call only. */
  headers?: Record<string, string> | undefined;
  /** A number is the total timeout in ms; an object sets each layer. */
  timeout?: number | TimeoutOptions | undefined;
  maxRetries?: number | undefined;
}
