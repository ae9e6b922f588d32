import { z } from 'zod';

/**
 * Conversions already made. A zod schema is immutable and `z.toJSONSchema` costs tens of
 * microseconds, several times the rest of a call's preparation, for the same tool or
 * response_format sent on every call.
 */
const converted = new WeakMap<z.ZodType, Readonly<Record<string, unknown>>>();

/**
 * Converts a zod schema to the JSON Schema the gateway accepts for `response_format` and tool
 * parameters. The `$schema` key is dropped: Gemini's schema subset does not know it. The result
 * is remembered per schema and frozen, since every call that sends the schema shares it.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * zodToJsonSchema({ schema: z.object({ city: z.string() }) });
 * // { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false }
 * ```
 */
export function zodToJsonSchema({ schema }: { schema: z.ZodType }): Readonly<Record<string, unknown>> {
  const known = converted.get(schema);
  if (known !== undefined) return known;
  const { $schema: _dropped, ...jsonSchema } = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const frozen = deepFreeze(jsonSchema);
  converted.set(schema, frozen);
  return frozen;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
