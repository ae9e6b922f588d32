/**
 * The OpenAI chat wire format as the gateway answers it, with the Gemini additions it carries
 * (`reasoning_content` / `reasoning`, `extra_content.google.thought_signature`). Every object
 * may hold fields not listed here; they are kept as they arrive.
 */

/** Gemini's additions to an OpenAI object, under `extra_content.google`. */
export interface WireExtraContent {
  google?: { thought_signature?: string | undefined; [key: string]: unknown } | undefined;
  [key: string]: unknown;
}

/** One complete tool call in a response message. */
export interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
  /** Gemini 3 puts the call's thought signature here; it must go back in history unchanged. */
  extra_content?: WireExtraContent | undefined;
  [key: string]: unknown;
}

/** The assistant message of one choice. */
export interface WireAssistantMessage {
  role: 'assistant';
  content: string | null;
  /** How some gateway versions return thoughts. */
  reasoning_content?: string | null | undefined;
  /** How other gateway versions return thoughts. */
  reasoning?: string | null | undefined;
  tool_calls?: WireToolCall[] | undefined;
  extra_content?: WireExtraContent | undefined;
  [key: string]: unknown;
}

/** One choice of a completion. */
export interface WireChoice {
  index: number;
  message: WireAssistantMessage;
  finish_reason: string | null;
  [key: string]: unknown;
}

/** Token counts as the OpenAI route reports them. `prompt_tokens` is the input. */
export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?:
    | { cached_tokens?: number | null | undefined; [key: string]: unknown }
    | null
    | undefined;
  completion_tokens_details?:
    | { reasoning_tokens?: number | null | undefined; [key: string]: unknown }
    | null
    | undefined;
  [key: string]: unknown;
}

/** A complete (non-streamed) chat completion. */
export interface WireChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: WireChoice[];
  usage?: WireUsage | null | undefined;
  [key: string]: unknown;
}

/** A fragment of a tool call in a streamed delta. `index` is missing when the call arrives whole. */
export interface WireToolCallDelta {
  index?: number | undefined;
  id?: string | undefined;
  type?: 'function' | undefined;
  function?: { name?: string | undefined; arguments?: string | undefined } | undefined;
  extra_content?: WireExtraContent | undefined;
  [key: string]: unknown;
}

/** What one streamed chunk adds to a choice's message. */
export interface WireDelta {
  role?: 'assistant' | undefined;
  content?: string | null | undefined;
  reasoning_content?: string | null | undefined;
  reasoning?: string | null | undefined;
  tool_calls?: WireToolCallDelta[] | undefined;
  extra_content?: WireExtraContent | undefined;
  [key: string]: unknown;
}

/** One choice of a streamed chunk. */
export interface WireChunkChoice {
  index: number;
  delta: WireDelta;
  finish_reason: string | null;
  [key: string]: unknown;
}

/** One streamed chunk (`chat.completion.chunk`). The last one carries usage and no choices. */
export interface WireChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: WireChunkChoice[];
  usage?: WireUsage | null | undefined;
  [key: string]: unknown;
}
