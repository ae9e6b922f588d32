import { InvalidArgumentError } from '../errors.js';
import { checkJsonValue } from './check-json-value.js';
import { isZodSchema, type ZodSchemaLike } from './is-zod-schema.js';
import { type JsonSchema, toJsonSchema } from './to-json-schema.js';

/** The advice for an enum Gemini refuses, the same on both routes. */
export const nonStringEnumAdvice =
  'Gemini takes enum (and const) only on strings: make the values strings (and the type "string"), or describe the range with minimum/maximum.';

/**
 * Frozen schemas (a zod schema's cached conversion) that passed: the same tool is sent on every
 * call, and a frozen schema cannot have changed since.
 */
const passed = new WeakSet<object>();

/** Keys whose value is one subschema, or a map or list of them. */
const singleChildren = ['items', 'additionalProperties', 'not', 'propertyNames'] as const;
const mapChildren = ['properties', '$defs', 'definitions'] as const;
const listChildren = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const;

/**
 * Checks a tool's parameter schema (zod or JSON Schema) for what Gemini refuses, on either
 * route, with a vague 400 (or that fails as a `TypeError` when the body is written): a value JSON
 * cannot carry (BigInt, a circular object, NaN), an `enum` or `const` of anything but strings
 * (`{ type: 'integer', enum: [1, 2] }`). The error names the node, so the fix is made where it
 * belongs.
 *
 * @example
 * ```ts
 * import { checkToolSchema } from '@gemgate/core-transport/json-schema';
 * checkToolSchema({
 *   schema: { type: 'object', properties: { size: { type: 'integer', enum: [1, 2] } } },
 *   path: 'tools.0.function.parameters',
 * }); // throws InvalidArgumentError (argument 'tools.0.function.parameters.properties.size.enum')
 * ```
 */
export function checkToolSchema({
  schema,
  path,
}: {
  schema: ZodSchemaLike | JsonSchema;
  path: string;
}): void {
  // toJsonSchema has checked the JSON values of what it converts.
  const jsonSchema = isZodSchema(schema) ? toJsonSchema({ schema, path }) : schema;
  if (passed.has(jsonSchema)) return;
  if (!isZodSchema(schema)) checkJsonValue({ value: jsonSchema, path });
  const at = nonStringEnumPath({ node: jsonSchema, path });
  if (at !== undefined) throw new InvalidArgumentError(`${at}: ${nonStringEnumAdvice}`, { argument: at });
  if (Object.isFrozen(jsonSchema)) passed.add(jsonSchema);
}

function nonStringEnumPath({ node, path }: { node: unknown; path: string }): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const schema = node as Record<string, unknown>;
  const keyword = Array.isArray(schema.enum) ? 'enum' : 'const' in schema ? 'const' : undefined;
  if (keyword !== undefined) {
    const values = keyword === 'enum' ? (schema.enum as unknown[]) : [schema.const];
    // Only what is surely refused: a number or boolean type, or number / boolean values.
    // (`null` beside strings is how a nullable enum is written.)
    const type = typeof schema.type === 'string' ? schema.type.toLowerCase() : undefined;
    const typedOtherwise = type !== undefined && type !== 'string' && type !== 'null';
    const valuesOtherwise = values.some((value) => value !== null && typeof value !== 'string');
    if (typedOtherwise || valuesOtherwise) return `${path}.${keyword}`;
  }
  for (const key of singleChildren) {
    const found = nonStringEnumPath({ node: schema[key], path: `${path}.${key}` });
    if (found) return found;
  }
  for (const key of mapChildren) {
    const children = schema[key];
    if (typeof children !== 'object' || children === null) continue;
    for (const [name, child] of Object.entries(children)) {
      const found = nonStringEnumPath({ node: child, path: `${path}.${key}.${name}` });
      if (found) return found;
    }
  }
  for (const key of listChildren) {
    const children = schema[key];
    if (!Array.isArray(children)) continue;
    for (let position = 0; position < children.length; position++) {
      const found = nonStringEnumPath({ node: children[position], path: `${path}.${key}.${position}` });
      if (found) return found;
    }
  }
  return undefined;
}
