/**
 * zod schema of `chat.completions.create` parameters: the wire request of
 * `@gemgate/core-transport/wire` (messages of every role, media parts that may carry a
 * `BinarySlot`, `tool_choice`, `extra_body.google`, ...), except where the caller may hand a zod
 * schema that gemgate converts before sending (tool parameters, a json_schema's schema).
 * Objects are loose: fields gemgate does not know are kept and sent, because the gateway adds
 * parameters faster than we release.
 */
import { isZodSchema } from '@gemgate/core-transport/json-schema';
import { chatCompletionRequestShape } from '@gemgate/core-transport/wire';
import { z } from 'zod';

/** A JSON Schema object, or a zod schema gemgate converts with core's `toJsonSchema`. */
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

/** The parameters `chat.completions.create` validates before anything is sent. */
export const chatParamsSchema = chatCompletionRequestShape.schema.extend({
  tools: z.array(tool).optional(),
  response_format: responseFormat.optional(),
});

/** Parameters after validation (zod's output: a fresh object gemgate may change). */
export type ParsedChatParams = z.output<typeof chatParamsSchema>;
