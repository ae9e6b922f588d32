/**
 * The parameters of `chat.completions.create`: the `openai` package's shapes, plus Gemini's
 * `extra_body.google` settings. Fields not listed are sent as they are.
 */

import type { ReasoningEffort, TimeoutOptions } from '@gemgate/core-transport';
import type {
  ChatAssistantMessageParam,
  ChatAudioContentPart,
  ChatFileContentPart,
  ChatImageContentPart,
  ChatMessage,
  ChatSystemMessage,
  ChatTextContentPart,
  ChatToolCallParam,
  ChatToolChoice,
  ChatToolMessage,
  ChatUserContentPart,
  ChatUserMessage,
  GoogleExtraBody as WireGoogleExtraBody,
} from '@gemgate/core-transport/wire';
import type { z } from 'zod';

// The message shapes are the wire's, inferred from core's lenient schemas (one definition for
// the check and the type); only what takes a zod schema (tools, response_format) is written here.
export type TextContentPart = ChatTextContentPart;
/** An http(s) URL or a base64 `data:` URL (a `BinarySlot` with a data-URL prefix streams a large file). */
export type ImageContentPart = ChatImageContentPart;
/** Base64 audio (or a `BinarySlot` without prefix) and its format (`wav`, `mp3`, ...). */
export type AudioContentPart = ChatAudioContentPart;
/** `file_data` is a base64 data URL (a PDF, a CSV, ...), or a `BinarySlot` with a data-URL prefix. */
export type FileContentPart = ChatFileContentPart;
export type UserContentPart = ChatUserContentPart;
/** A tool call as it goes back in history; keep `extra_content` (Gemini 3's thought signature). */
export type ToolCallParam = ChatToolCallParam;
export type SystemMessageParam = ChatSystemMessage;
/**
 * A part that knows its OpenAI form, taken in `content` as it is: `@gemgate/media`'s
 * `inlineMedia` gives one (`toOpenAIPart()` picks `image_url`, `input_audio` or `file`).
 */
export interface ConvertibleContentPart {
  toOpenAIPart(): UserContentPart;
}
/** A user message; its `content` parts may also be media parts (`ConvertibleContentPart`). */
export type UserMessageParam = Omit<ChatUserMessage, 'content'> & {
  content: string | Array<UserContentPart | ConvertibleContentPart>;
};
export type AssistantMessageParam = ChatAssistantMessageParam;
export type ToolMessageParam = ChatToolMessage;
export type ChatMessageParam = Exclude<ChatMessage, ChatUserMessage> | UserMessageParam;

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

export type ToolChoiceParam = ChatToolChoice;

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
export type { GoogleThinkingConfig } from '@gemgate/core-transport/wire';

/** Settings only Gemini knows, sent as `extra_body: { google: {...} }` the way Google's OpenAI endpoint reads them. */
export type GoogleExtraBody = WireGoogleExtraBody;

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
