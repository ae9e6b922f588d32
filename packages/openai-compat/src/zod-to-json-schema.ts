import { z } from 'zod';

/**
 * Converts a zod schema to the JSON Schema the gateway accepts for `response_format` and tool
 * parameters. The `$schema` key is dropped: Gemini's schema subset does not know it.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * zodToJsonSchema({ schema: z.object({ city: z.string() }) });
 * // { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false }
 * ```
 */
export function zodToJsonSchema({ schema }: { schema: z.ZodType }): Record<string, unknown> {
  const { $schema: _dropped, ...jsonSchema } = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return jsonSchema;
}
