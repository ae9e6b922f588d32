/**
 * What the OpenAI-compatible route is sent: `POST chat/completions` with messages of every
 * role, content parts, tools, `tool_choice`, `response_format`, `reasoning_effort` and Gemini's
 * `extra_body.google`. Objects are loose: fields not listed are sent as they are, because the
 * gateway adds parameters faster than we release. Messages say what to change when refused.
 */
import { z } from 'zod';
import { base64ValueShape, dataUrlPattern, dataUrlValueShape } from './binary-slot-shapes.js';
import { extraContentShape } from './openai-response.js';
import { defineWireShape, type WireInput } from './wire-shape.js';

export const chatTextContentPartShape = defineWireShape({
  build: () => z.looseObject({ type: z.literal('text'), text: z.string() }),
});

/**
 * An image reference: an http(s) URL or a base64 `data:` URL (inline media is what Gemini
 * reads), or a `BinarySlot` with a data-URL prefix that streams a large file.
 */
export const chatImageContentPartShape = defineWireShape({
  build: () =>
    z.looseObject({
      type: z.literal('image_url'),
      image_url: z.looseObject({
        url: z.union([
          z.string().refine((url) => /^https?:\/\//.test(url) || dataUrlPattern.test(url), {
            message: 'use an http(s) URL or a base64 data URL (data:image/png;base64,...)',
          }),
          dataUrlValueShape.schema.options[1],
        ]),
        detail: z.enum(['auto', 'low', 'high']).optional(),
      }),
    }),
});

/** Base64 audio and its format (`wav`, `mp3`, ...). */
export const chatAudioContentPartShape = defineWireShape({
  build: () =>
    z.looseObject({
      type: z.literal('input_audio'),
      input_audio: z.looseObject({
        data: z.union([z.string().min(1), base64ValueShape.schema.options[1]]),
        format: z.string().min(1),
      }),
    }),
});

/** A file: `file_data` is a base64 data URL (a PDF, a CSV, ...). */
export const chatFileContentPartShape = defineWireShape({
  build: () =>
    z.looseObject({
      type: z.literal('file'),
      file: z
        .looseObject({
          file_data: dataUrlValueShape.schema.optional(),
          file_id: z.string().optional(),
          filename: z.string().optional(),
        })
        .refine((file) => file.file_data !== undefined || file.file_id !== undefined, {
          message: 'set file.file_data (a base64 data URL) or file.file_id',
        }),
    }),
});

export const chatUserContentPartShape = defineWireShape({
  build: () =>
    z.discriminatedUnion('type', [
      chatTextContentPartShape.schema,
      chatImageContentPartShape.schema,
      chatAudioContentPartShape.schema,
      chatFileContentPartShape.schema,
    ]),
});

const textContent = () => z.union([z.string(), z.array(chatTextContentPartShape.schema)]);

/** A tool call as it goes back in history; keep `extra_content` (Gemini 3's thought signature). */
export const chatToolCallParamShape = defineWireShape({
  build: () =>
    z.looseObject({
      id: z.string(),
      type: z.literal('function'),
      function: z.looseObject({ name: z.string(), arguments: z.string() }),
      extra_content: extraContentShape.schema.optional(),
    }),
});

export const chatSystemMessageShape = defineWireShape({
  build: () =>
    z.looseObject({
      role: z.enum(['system', 'developer']),
      content: textContent(),
      name: z.string().optional(),
    }),
});

export const chatUserMessageShape = defineWireShape({
  build: () =>
    z.looseObject({
      role: z.literal('user'),
      content: z.union([z.string(), z.array(chatUserContentPartShape.schema)]),
      name: z.string().optional(),
    }),
});

export const chatAssistantMessageParamShape = defineWireShape({
  build: () =>
    z.looseObject({
      role: z.literal('assistant'),
      content: textContent().nullish(),
      tool_calls: z.array(chatToolCallParamShape.schema).optional(),
      extra_content: extraContentShape.schema.optional(),
      name: z.string().optional(),
    }),
});

export const chatToolMessageShape = defineWireShape({
  build: () => z.looseObject({ role: z.literal('tool'), tool_call_id: z.string(), content: textContent() }),
});

/** A message of any role. */
export const chatMessageShape = defineWireShape({
  build: () =>
    z.discriminatedUnion('role', [
      chatSystemMessageShape.schema,
      chatUserMessageShape.schema,
      chatAssistantMessageParamShape.schema,
      chatToolMessageShape.schema,
    ]),
});

/** A function tool; `parameters` is JSON Schema. */
export const chatToolShape = defineWireShape({
  build: () =>
    z.looseObject({
      type: z.literal('function'),
      function: z.looseObject({
        name: z.string(),
        description: z.string().optional(),
        parameters: z.record(z.string(), z.unknown()).optional(),
        strict: z.boolean().nullish(),
      }),
    }),
});

export const chatToolChoiceShape = defineWireShape({
  build: () =>
    z.union([
      z.enum(['none', 'auto', 'required']),
      z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string() }) }),
    ]),
});

export const chatResponseFormatShape = defineWireShape({
  build: () =>
    z.discriminatedUnion('type', [
      z.looseObject({ type: z.literal('text') }),
      z.looseObject({ type: z.literal('json_object') }),
      z.looseObject({
        type: z.literal('json_schema'),
        json_schema: z.looseObject({
          name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1-64 letters, digits, _ or -'),
          description: z.string().optional(),
          schema: z.record(z.string(), z.unknown()).optional(),
          strict: z.boolean().nullish(),
        }),
      }),
    ]),
});

/** Gemini's own thinking settings (`extra_body.google.thinking_config`). */
export const googleThinkingConfigShape = defineWireShape({
  build: () =>
    z.looseObject({
      thinking_budget: z.number().int().optional(),
      thinking_level: z.string().optional(),
      include_thoughts: z.boolean().optional(),
    }),
});

/** Settings only Gemini knows, sent as `extra_body: { google: {...} }` the way Google's OpenAI endpoint reads them. */
export const googleExtraBodyShape = defineWireShape({
  build: () =>
    z.looseObject({
      google: z
        .looseObject({
          thinking_config: googleThinkingConfigShape.schema.optional(),
          /** An explicit cache (`cachedContents/...`). */
          cached_content: z.string().optional(),
        })
        .optional(),
    }),
});

/** The body of `POST chat/completions`. */
export const chatCompletionRequestShape = defineWireShape({
  build: () =>
    z.looseObject({
      model: z.string().min(1, 'name the model, e.g. gemini-2.5-flash'),
      messages: z.array(chatMessageShape.schema).min(1, 'send at least one message'),
      stream: z.boolean().nullish(),
      stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
      tools: z.array(chatToolShape.schema).optional(),
      tool_choice: chatToolChoiceShape.schema.optional(),
      parallel_tool_calls: z.boolean().optional(),
      response_format: chatResponseFormatShape.schema.optional(),
      reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']).optional(),
      modalities: z.array(z.enum(['text', 'audio', 'image'])).optional(),
      temperature: z.number().min(0).max(2).nullish(),
      top_p: z.number().min(0).max(1).nullish(),
      n: z.number().int().min(1).nullish(),
      max_tokens: z.number().int().positive().nullish(),
      max_completion_tokens: z.number().int().positive().nullish(),
      extra_body: googleExtraBodyShape.schema.optional(),
    }),
});

/** The body of `POST embeddings`. */
export const openAIEmbeddingRequestShape = defineWireShape({
  build: () =>
    z.looseObject({
      model: z.string().min(1, 'name the model, e.g. gemini-embedding-001'),
      input: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
      dimensions: z.number().int().positive().optional(),
      encoding_format: z.enum(['float', 'base64']).optional(),
    }),
});

export type ChatTextContentPart = WireInput<typeof chatTextContentPartShape>;
export type ChatImageContentPart = WireInput<typeof chatImageContentPartShape>;
export type ChatAudioContentPart = WireInput<typeof chatAudioContentPartShape>;
export type ChatFileContentPart = WireInput<typeof chatFileContentPartShape>;
export type ChatUserContentPart = WireInput<typeof chatUserContentPartShape>;
export type ChatToolCallParam = WireInput<typeof chatToolCallParamShape>;
export type ChatSystemMessage = WireInput<typeof chatSystemMessageShape>;
export type ChatUserMessage = WireInput<typeof chatUserMessageShape>;
export type ChatAssistantMessageParam = WireInput<typeof chatAssistantMessageParamShape>;
export type ChatToolMessage = WireInput<typeof chatToolMessageShape>;
export type ChatMessage = WireInput<typeof chatMessageShape>;
export type ChatTool = WireInput<typeof chatToolShape>;
export type ChatToolChoice = WireInput<typeof chatToolChoiceShape>;
export type ChatResponseFormat = WireInput<typeof chatResponseFormatShape>;
export type GoogleThinkingConfig = WireInput<typeof googleThinkingConfigShape>;
export type GoogleExtraBody = WireInput<typeof googleExtraBodyShape>;
export type ChatCompletionRequest = WireInput<typeof chatCompletionRequestShape>;
export type OpenAIEmbeddingRequest = WireInput<typeof openAIEmbeddingRequestShape>;
