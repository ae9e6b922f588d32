/**
 * What the OpenAI-compatible route answers, with the Gemini additions the gateway carries
 * (`reasoning_content` / `reasoning`, `extra_content.google.thought_signature`). Objects are
 * loose: fields not listed are kept as they arrive.
 */
import { z } from 'zod';
import { isCommonChatCompletionChunk } from './is-common-chat-completion-chunk.js';
import { defineWireShape, type WireOutput } from './wire-shape.js';

/** Gemini's additions to an OpenAI object, under `extra_content.google`. */
export const extraContentShape = defineWireShape({
  build: () =>
    z.looseObject({
      google: z.looseObject({ thought_signature: z.string().optional() }).optional(),
    }),
});

/** Arguments are a JSON string; some OpenAI-shaped upstreams send an object instead. */
const toolArguments = () => z.union([z.string(), z.record(z.string(), z.unknown())]);

/** One complete tool call in an answer. Google's endpoint can send `id: ''`. */
export const chatToolCallShape = defineWireShape({
  build: () =>
    z.looseObject({
      id: z.string(),
      type: z.string().optional(),
      function: z.looseObject({ name: z.string(), arguments: toolArguments().optional() }),
      /** Gemini 3 puts the call's thought signature here; it must go back in history unchanged. */
      extra_content: extraContentShape.schema.optional(),
    }),
});

/** The assistant message of one choice. */
export const chatAssistantMessageShape = defineWireShape({
  build: () =>
    z.looseObject({
      role: z.string().optional(),
      /** A string; some OpenAI-shaped gateways send an array of parts. */
      content: z.union([z.string(), z.array(z.looseObject({}))]).nullish(),
      /** How some gateway versions return thoughts. */
      reasoning_content: z.string().nullish(),
      /** How other gateway versions return thoughts. */
      reasoning: z.string().nullish(),
      refusal: z.string().nullish(),
      tool_calls: z.array(chatToolCallShape.schema).nullish(),
      /** Gemini 3 can put the thought signature on the message rather than on a tool call. */
      extra_content: extraContentShape.schema.optional(),
    }),
});

export const chatChoiceShape = defineWireShape({
  build: () =>
    z.looseObject({
      index: z.number().optional(),
      message: chatAssistantMessageShape.schema,
      /** `stop`, `tool_calls`, `length`, `content_filter`, ... (open set). */
      finish_reason: z.string().nullish(),
    }),
});

/** Token counts of the OpenAI route. `prompt_tokens` is the input; thinking can hide in `total_tokens`. */
export const chatUsageShape = defineWireShape({
  build: () =>
    z.looseObject({
      prompt_tokens: z.number(),
      completion_tokens: z.number(),
      total_tokens: z.number(),
      prompt_tokens_details: z.looseObject({ cached_tokens: z.number().nullish() }).nullish(),
      completion_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
    }),
});

/** A complete (non-streamed) chat completion. `id` is Gemini's response id through the gateway. */
export const chatCompletionShape = defineWireShape({
  build: () =>
    z.looseObject({
      // Identification is optional: a gateway that leaves it off still answered.
      id: z.string().optional(),
      /** `chat.completion`. */
      object: z.string().optional(),
      created: z.number().optional(),
      model: z.string().optional(),
      choices: z.array(chatChoiceShape.schema),
      usage: chatUsageShape.schema.nullish(),
    }),
});

/** A fragment of a tool call in a streamed delta. `index` is missing when the call arrives whole. */
export const chatToolCallDeltaShape = defineWireShape({
  build: () =>
    z.looseObject({
      index: z.number().optional(),
      id: z.string().optional(),
      type: z.string().optional(),
      function: z
        .looseObject({ name: z.string().nullish(), arguments: toolArguments().nullish() })
        .optional(),
      extra_content: extraContentShape.schema.optional(),
    }),
});

/** What one streamed chunk adds to a choice's message. */
export const chatDeltaShape = defineWireShape({
  build: () =>
    z.looseObject({
      role: z.string().optional(),
      content: z.string().nullish(),
      reasoning_content: z.string().nullish(),
      reasoning: z.string().nullish(),
      refusal: z.string().nullish(),
      tool_calls: z.array(chatToolCallDeltaShape.schema).nullish(),
      extra_content: extraContentShape.schema.optional(),
    }),
});

export const chatChunkChoiceShape = defineWireShape({
  build: () =>
    z.looseObject({
      index: z.number().optional(),
      /** Always sent (an empty `{}` on the finishing chunk), as `openai` users read `choices[0].delta.content`. */
      delta: chatDeltaShape.schema,
      finish_reason: z.string().nullish(),
    }),
});

/**
 * One streamed chunk (`chat.completion.chunk`). Some upstreams leave `id`, `created` and
 * `model` off the role-only first chunk; the last one carries usage and no choices.
 */
export const chatCompletionChunkShape = defineWireShape({
  build: () =>
    z.looseObject({
      id: z.string().optional(),
      object: z.string().optional(),
      created: z.number().optional(),
      model: z.string().optional(),
      choices: z.array(chatChunkChoiceShape.schema),
      usage: chatUsageShape.schema.nullish(),
    }),
  isCommonShape: isCommonChatCompletionChunk,
});

/** One model of `GET models`. */
export const openAIModelShape = defineWireShape({
  build: () =>
    z.looseObject({
      id: z.string(),
      object: z.string().optional(),
      created: z.number().optional(),
      owned_by: z.string().optional(),
    }),
});

export const openAIModelListShape = defineWireShape({
  build: () => z.looseObject({ object: z.string().optional(), data: z.array(openAIModelShape.schema) }),
});

/** One embedding: numbers, or base64 of little-endian float32 with `encoding_format: 'base64'`. */
export const openAIEmbeddingShape = defineWireShape({
  build: () =>
    z.looseObject({
      object: z.string().optional(),
      index: z.number().optional(),
      embedding: z.union([z.array(z.number()), z.string()]),
    }),
});

export const openAIEmbeddingListShape = defineWireShape({
  build: () =>
    z.looseObject({
      object: z.string().optional(),
      data: z.array(openAIEmbeddingShape.schema),
      model: z.string().optional(),
      usage: z
        .looseObject({ prompt_tokens: z.number().optional(), total_tokens: z.number().optional() })
        .nullish(),
    }),
});

export type ExtraContent = WireOutput<typeof extraContentShape>;
export type ChatToolCall = WireOutput<typeof chatToolCallShape>;
export type ChatAssistantMessage = WireOutput<typeof chatAssistantMessageShape>;
export type ChatChoice = WireOutput<typeof chatChoiceShape>;
export type ChatUsage = WireOutput<typeof chatUsageShape>;
export type ChatCompletion = WireOutput<typeof chatCompletionShape>;
export type ChatToolCallDelta = WireOutput<typeof chatToolCallDeltaShape>;
export type ChatDelta = WireOutput<typeof chatDeltaShape>;
export type ChatChunkChoice = WireOutput<typeof chatChunkChoiceShape>;
export type ChatCompletionChunk = WireOutput<typeof chatCompletionChunkShape>;
export type OpenAIModel = WireOutput<typeof openAIModelShape>;
export type OpenAIModelList = WireOutput<typeof openAIModelListShape>;
export type OpenAIEmbedding = WireOutput<typeof openAIEmbeddingShape>;
export type OpenAIEmbeddingList = WireOutput<typeof openAIEmbeddingListShape>;
