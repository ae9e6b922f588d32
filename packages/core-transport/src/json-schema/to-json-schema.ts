import { createRequire } from 'node:module';
import { InvalidArgumentError } from '../errors.js';
import { checkJsonValue } from './check-json-value.js';
import { deepFreeze } from './deep-freeze.js';
import { isZodSchema, type ZodSchemaLike } from './is-zod-schema.js';

/** A JSON Schema object, as sent in `parameters`, `response_format` or `responseJsonSchema`. */
export type JsonSchema = Record<string, unknown>;

/** The JSON Schema dialects zod writes. */
export type JsonSchemaTarget = 'draft-2020-12' | 'draft-07';

type ZodToJsonSchemaOptions = { target: JsonSchemaTarget; unrepresentable: 'any' };
type ZodToJsonSchema = (schema: ZodSchemaLike, options: ZodToJsonSchemaOptions) => unknown;

/**
 * Conversions already made, per zod schema and target. A zod schema is immutable and zod's
 * conversion costs tens of microseconds, several times the rest of a call's preparation, for
 * the same tool or response schema sent on every call.
 */
const converted = new WeakMap<ZodSchemaLike, Map<JsonSchemaTarget, Readonly<JsonSchema>>>();

let zodCoreToJsonSchema: ZodToJsonSchema | undefined;

/**
 * Converts with the caller's own zod. zod >= 4.2 classic schemas carry a `toJSONSchema` method,
 * so nothing is loaded; zod 4.1 and `zod/mini` schemas do not, and only then is `zod/v4/core`
 * required, lazily, so JSON Schema input never needs zod installed.
 */
function zodToJsonSchema({
  schema,
  options,
  path,
}: {
  schema: ZodSchemaLike;
  options: ZodToJsonSchemaOptions;
  path: string;
}): unknown {
  const method = (schema as { toJSONSchema?: unknown }).toJSONSchema;
  if (typeof method === 'function') return method.call(schema, options);
  if (zodCoreToJsonSchema === undefined) {
    try {
      zodCoreToJsonSchema = (
        createRequire(import.meta.url)('zod/v4/core') as { toJSONSchema: ZodToJsonSchema }
      ).toJSONSchema;
    } catch (cause) {
      throw new InvalidArgumentError(
        `${path} is a zod schema, but zod (4.1 or later) cannot be loaded beside @gemgate/core-transport: install zod, or pass a JSON Schema object.`,
        { argument: path, cause },
      );
    }
  }
  return zodCoreToJsonSchema(schema, options);
}

/**
 * Whether a keyword is one of the ±(2^53 - 1) bounds zod puts on every `z.number().int()`:
 * they tell the model nothing, OpenAI's strict mode and Gemini's schema parser both dislike
 * them, and they made the two routes send different schemas for one zod type.
 */
function isSafeIntegerBound(key: string, value: unknown): boolean {
  return (key === 'minimum' || key === 'maximum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER;
}

function withoutSafeIntegerBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutSafeIntegerBounds(item));
  if (typeof node !== 'object' || node === null) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!isSafeIntegerBound(key, value)) result[key] = withoutSafeIntegerBounds(value);
  }
  return result;
}

/**
 * Turns a zod schema, or a JSON Schema object, into the JSON Schema both routes send: the
 * same output on the native route (`responseJsonSchema`, `parametersJsonSchema`) and the
 * OpenAI route (`parameters`, `response_format`). `$schema` is dropped (the upstream takes no
 * dialect marker), and so are the ±(2^53 - 1) bounds zod adds to every integer. A zod result is
 * remembered per schema and frozen; a JSON Schema object is checked (no BigInt, cycle, NaN or
 * function anywhere: the error names the path) and returned without `$schema`. zod is needed
 * only for zod input.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { toJsonSchema } from '@gemgate/core-transport/json-schema';
 * toJsonSchema({ schema: z.object({ count: z.number().int() }) });
 * // { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'], additionalProperties: false }
 * ```
 */
export function toJsonSchema({
  schema,
  target = 'draft-2020-12',
  path = 'schema',
}: {
  /** A zod 4 schema, or a JSON Schema object. */
  schema: ZodSchemaLike | JsonSchema;
  /** The dialect zod writes; JSON Schema input is passed on in its own dialect. */
  target?: JsonSchemaTarget | undefined;
  /** Where the schema sits in the caller's arguments, for error messages. */
  path?: string | undefined;
}): Readonly<JsonSchema> {
  if (!isZodSchema(schema)) {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      throw new InvalidArgumentError(`${path} must be a zod schema or a JSON Schema object.`, {
        argument: path,
      });
    }
    checkJsonValue({ value: schema, path });
    if (!('$schema' in schema)) return schema;
    const { $schema: _dialect, ...rest } = schema;
    return rest;
  }
  const known = converted.get(schema)?.get(target);
  if (known !== undefined) return known;
  let output: unknown;
  try {
    output = zodToJsonSchema({ schema, options: { target, unrepresentable: 'any' }, path });
  } catch (cause) {
    if (InvalidArgumentError.isInstance(cause)) throw cause;
    throw new InvalidArgumentError(
      `${path} cannot be converted to JSON Schema (${(cause as Error).message}): check its .meta() and .default() values are plain JSON (no BigInt, no circular object).`,
      { argument: path, cause },
    );
  }
  const { $schema: _dialect, ...jsonSchema } = withoutSafeIntegerBounds(output) as JsonSchema;
  // zod drops what it cannot express (a BigInt default) but passes metadata on as given.
  checkJsonValue({ value: jsonSchema, path });
  const frozen = deepFreeze(jsonSchema);
  let byTarget = converted.get(schema);
  if (byTarget === undefined) {
    byTarget = new Map();
    converted.set(schema, byTarget);
  }
  byTarget.set(target, frozen);
  return frozen;
}
