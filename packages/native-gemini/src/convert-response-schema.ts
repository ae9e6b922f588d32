import { InvalidArgumentError } from '@gemgate/core-transport';
import { z } from 'zod';

/** The keywords of Gemini's OpenAPI-subset `Schema`; anything else is dropped. */
const allowedKeywords = new Set([
  'type',
  'format',
  'title',
  'description',
  'nullable',
  'enum',
  'maxItems',
  'minItems',
  'properties',
  'required',
  'minProperties',
  'maxProperties',
  'minLength',
  'maxLength',
  'pattern',
  'example',
  'anyOf',
  'propertyOrdering',
  'default',
  'items',
  'minimum',
  'maximum',
]);

/** Whether a value is a zod schema (any copy of zod 4). */
export function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** Whether a keyword is one of the ±MAX_SAFE_INTEGER bounds zod puts on every integer. */
function isSafeIntegerBound(key: string, value: unknown): boolean {
  return (key === 'minimum' || key === 'maximum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER;
}

/** Drops zod's safe-integer bounds at every depth: they say nothing to the model. */
function withoutSafeIntegerBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutSafeIntegerBounds(item));
  if (typeof node !== 'object' || node === null) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!isSafeIntegerBound(key, value)) result[key] = withoutSafeIntegerBounds(value);
  }
  return result;
}

function toOpenApiSubset(node: unknown): unknown {
  if (Array.isArray(node)) return node.map((item) => toOpenApiSubset(item));
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (!allowedKeywords.has(key)) continue;
    if (isSafeIntegerBound(key, value)) continue;
    if (key === 'properties') {
      const properties: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
        properties[name] = toOpenApiSubset(child);
      }
      result.properties = properties;
      // Gemini orders object keys alphabetically unless told; keep the order the schema declares.
      if (!('propertyOrdering' in source)) result.propertyOrdering = Object.keys(properties);
      continue;
    }
    result[key] = key === 'items' || key === 'anyOf' ? toOpenApiSubset(value) : value;
  }
  return result;
}

/**
 * Converts a zod schema to the OpenAPI-3.0 subset Gemini's `responseSchema` takes.
 *
 * We send `responseSchema` rather than `responseJsonSchema` because every Gemini model and
 * every gateway version accepts it (the JSON Schema field exists only from Gemini 2.5 on).
 * Keywords outside the subset are dropped; a recursive schema is refused with a pointer to
 * `responseJsonSchema` (which takes the zod schema itself).
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { convertResponseSchema } from '@gemgate/native-gemini';
 * convertResponseSchema(z.object({ city: z.string() }));
 * // { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], propertyOrdering: ['city'] }
 * ```
 */
export function convertResponseSchema(schema: z.ZodType): Record<string, unknown> {
  let jsonSchema: unknown;
  try {
    jsonSchema = z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' });
  } catch (cause) {
    throw new InvalidArgumentError(
      `config.responseSchema cannot be converted to a JSON schema: ${(cause as Error).message}.`,
      { argument: 'config.responseSchema', cause },
    );
  }
  // References (recursion, reuse) sit anywhere, even inside keywords the subset drops.
  if (JSON.stringify(jsonSchema).includes('"$ref"')) {
    throw new InvalidArgumentError(
      "config.responseSchema is recursive, which Gemini's responseSchema cannot express: pass the schema as config.responseJsonSchema instead (Gemini 2.5 and later).",
      { argument: 'config.responseSchema' },
    );
  }
  return toOpenApiSubset(jsonSchema) as Record<string, unknown>;
}

/**
 * Converts a zod schema to the JSON Schema Gemini's `responseJsonSchema` takes (Gemini 2.5 and
 * later). Unlike `responseSchema`, it expresses recursion (`$ref`), so this is the way to send a
 * recursive zod schema; `$schema` is left out because the upstream takes no dialect marker.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { convertResponseJsonSchema } from '@gemgate/native-gemini';
 * convertResponseJsonSchema(z.object({ city: z.string() }));
 * // { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false }
 * ```
 */
export function convertResponseJsonSchema(schema: z.ZodType): Record<string, unknown> {
  try {
    const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { unrepresentable: 'any' });
    return withoutSafeIntegerBounds(jsonSchema) as Record<string, unknown>;
  } catch (cause) {
    throw new InvalidArgumentError(
      `config.responseJsonSchema cannot be converted to a JSON schema: ${(cause as Error).message}.`,
      { argument: 'config.responseJsonSchema', cause },
    );
  }
}
