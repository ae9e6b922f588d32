/**
 * zod schemas of `chat.completions.create` parameters. Objects are loose: fields gemgate does
 * not know are kept and sent, because the gateway adds parameters faster than we release.
 */
import { z } from 'zod';
import { isZodSchema } from './is-zod-schema.js';

const dataUrl = /^data:[\w.+-]+\/[\w.+-]+(;[\w-]+=[^;,]+)*;base64,/;

/** An image reference: an http(s) URL or a base64 `data:` URL (inline media is what Gemini reads). */
const imageUrl = z.string().refine((url) => /^https?:\/\//.test(url) || dataUrl.test(url), {
  message: 'use an http(s) URL or a base64 data URL (data:image/png;base64,...)',
});

const textPart = z.looseObject({ type: z.literal('text'), text: z.string() });
const imagePart = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({ url: imageUrl, detail: z.enum(['auto', 'low', 'high']).optional() }),
});
const audioPart = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string().min(1), format: z.string().min(1) }),
});
const filePart = z.looseObject({
  type: z.literal('file'),
  file: z
    .looseObject({
      file_data: z.string().optional(),
      file_id: z.string().optional(),
      filename: z.string().optional(),
    })
    .refine((file) => file.file_data !== undefined || file.file_id !== undefined, {
      message: 'set file.file_data (a base64 data URL) or file.file_id',
    }),
});

const userContentPart = z.discriminatedUnion('type', [textPart, imagePart, audioPart, filePart]);
const textContent = z.union([z.string(), z.array(textPart)]);

const extraContent = z.looseObject({
  google: z.looseObject({ thought_signature: z.string().optional() }).optional(),
});

const toolCall = z.looseObject({
  id: z.string(),
  type: z.literal('function'),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
  extra_content: extraContent.optional(),
});

const message = z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('system'), content: textContent, name: z.string().optional() }),
  z.looseObject({ role: z.literal('developer'), content: textContent, name: z.string().optional() }),
  z.looseObject({
    role: z.literal('user'),
    content: z.union([z.string(), z.array(userContentPart)]),
    name: z.string().optional(),
  }),
  z.looseObject({
    role: z.literal('assistant'),
    content: textContent.nullish(),
    tool_calls: z.array(toolCall).optional(),
    extra_content: extraContent.optional(),
    name: z.string().optional(),
  }),
  z.looseObject({ role: z.literal('tool'), tool_call_id: z.string(), content: textContent }),
]);

/** A JSON Schema object, or a zod schema gemgate converts with `z.toJSONSchema`. */
const schemaLike = z.union([z.custom<z.ZodType>(isZodSchema), z.record(z.string(), z.unknown())]);

const tool = z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string(),
    description: z.string().optional(),
    parameters: schemaLike.optional(),
    strict: z.boolean().nullish(),
  }),
});

const toolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string() }) }),
]);

const responseFormat = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1-64 letters, digits, _ or -'),
      description: z.string().optional(),
      schema: schemaLike.optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

const thinkingConfig = z.looseObject({
  thinking_budget: z.number().int().optional(),
  thinking_level: z.string().optional(),
  include_thoughts: z.boolean().optional(),
});

/** The parameters `chat.completions.create` validates before anything is sent. */
export const chatParamsSchema = z.looseObject({
  model: z.string().min(1, 'name the model, e.g. gemini-2.5-flash'),
  messages: z.array(message).min(1, 'send at least one message'),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  tools: z.array(tool).optional(),
  tool_choice: toolChoice.optional(),
  parallel_tool_calls: z.boolean().optional(),
  response_format: responseFormat.optional(),
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high']).optional(),
  modalities: z.array(z.enum(['text', 'audio', 'image'])).optional(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  n: z.number().int().min(1).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  extra_body: z
    .looseObject({
      google: z
        .looseObject({ thinking_config: thinkingConfig.optional(), cached_content: z.string().optional() })
        .optional(),
    })
    .optional(),
});

/** Parameters after validation (zod's output: a fresh object gemgate may change). */
export type ParsedChatParams = z.output<typeof chatParamsSchema>;
