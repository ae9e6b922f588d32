import { InvalidArgumentError } from '../errors.js';
import { checkJsonValue } from './check-json-value.js';
import { nonStringEnumAdvice } from './check-tool-schema.js';
import { deepFreeze } from './deep-freeze.js';
import type { JsonSchema } from './to-json-schema.js';

/** The value types of Gemini's `Schema`, in the lowercase JSON Schema spelling it also accepts. */
export type GeminiSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/**
 * Gemini's `Schema` (the OpenAPI 3.0 subset of `responseSchema` and a function declaration's
 * `parameters`), as `toGeminiSchema` writes it.
 */
export interface GeminiSchema {
  type?: GeminiSchemaType;
  format?: string;
  title?: string;
  description?: string;
  nullable?: boolean;
  enum?: string[];
  properties?: Record<string, GeminiSchema>;
  required?: string[];
  propertyOrdering?: string[];
  items?: GeminiSchema;
  anyOf?: GeminiSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minProperties?: number;
  maxProperties?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  example?: unknown;
  default?: unknown;
}

const knownTypes = new Set<string>(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

/** Keywords copied as they are; everything not named here or handled below is dropped. */
const copiedKeywords = [
  'title',
  'description',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'minProperties',
  'maxProperties',
  'minimum',
  'maximum',
  'pattern',
  'example',
  'default',
] as const;

/** The `format`s Gemini's `Schema` documents, per type; others would be a 400 or ignored. */
const allowedFormats: Record<string, ReadonlySet<string>> = {
  string: new Set(['enum', 'date-time']),
  number: new Set(['float', 'double']),
  integer: new Set(['int32', 'int64']),
};

interface Walk {
  root: JsonSchema;
  propertyOrdering: boolean;
  /** The `$ref`s being expanded above this node: meeting one again means recursion. */
  expanding: readonly string[];
}

/**
 * Converts a JSON Schema (or a schema already in Gemini's subset) to Gemini's OpenAPI 3.0
 * subset `Schema`, for `responseSchema` and a function declaration's `parameters`:
 * `type: [x, 'null']` and `anyOf` with a null branch become `nullable`, `const` becomes a
 * one-value `enum`, `$ref`s are inlined, `format`s outside Gemini's list and keywords it does not
 * know (`additionalProperties`, `$schema`, `$defs`, `propertyNames`, ...) are dropped, types are
 * written lowercase (Gemini takes either case), and each object gets `propertyOrdering` in the
 * declared order unless `propertyOrdering: false` (Gemini otherwise orders keys alphabetically).
 * What the subset cannot express is refused with an `InvalidArgumentError` naming the path:
 * recursion, tuples, an `enum` or `const` of anything but strings. The result of a frozen input
 * (what `toJsonSchema` returns for zod) is remembered and frozen.
 *
 * @example
 * ```ts
 * import { toGeminiSchema } from '@gemgate/core-transport/json-schema';
 * toGeminiSchema({
 *   schema: { type: 'object', properties: { size: { type: ['string', 'null'], enum: ['S', 'M', null] } }, additionalProperties: false },
 * });
 * // { type: 'object', properties: { size: { type: 'string', enum: ['S', 'M'], nullable: true } }, propertyOrdering: ['size'] }
 * ```
 */
export function toGeminiSchema({
  schema,
  path = 'schema',
  propertyOrdering = true,
}: {
  schema: JsonSchema;
  /** Where the schema sits in the caller's arguments, for error messages. */
  path?: string | undefined;
  /** Add `propertyOrdering` (the declared key order) to objects that lack it. */
  propertyOrdering?: boolean | undefined;
}): GeminiSchema {
  const frozen = Object.isFrozen(schema);
  const known = frozen ? converted.get(schema)?.[propertyOrdering ? 1 : 0] : undefined;
  if (known !== undefined) return known;
  checkJsonValue({ value: schema, path });
  const result = convert({ node: schema, path, walk: { root: schema, propertyOrdering, expanding: ['#'] } });
  if (!frozen) return result;
  const slots = converted.get(schema) ?? [undefined, undefined];
  slots[propertyOrdering ? 1 : 0] = deepFreeze(result);
  converted.set(schema, slots);
  return result;
}

/**
 * Conversions of frozen schemas (a zod schema's cached JSON Schema), by `propertyOrdering`
 * (0: without, 1: with): the same response schema is sent on every call, and a frozen input
 * cannot have changed since.
 */
const converted = new WeakMap<object, [GeminiSchema | undefined, GeminiSchema | undefined]>();

function refuse({ path, message }: { path: string; message: string }): never {
  throw new InvalidArgumentError(`${path}: ${message}`, { argument: path });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNullBranch(node: unknown): boolean {
  return isObject(node) && (node.type === 'null' || node.type === 'NULL') && Object.keys(node).length === 1;
}

/** Resolves `#`, `#/$defs/Name` and `#/definitions/Name` (JSON pointers) against the root. */
function resolveReference({ root, reference }: { root: JsonSchema; reference: string }): unknown {
  if (reference === '#') return root;
  if (!reference.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const segment of reference.slice(2).split('/')) {
    if (!isObject(node)) return undefined;
    node = node[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return node;
}

function convert({ node, path, walk }: { node: unknown; path: string; walk: Walk }): GeminiSchema {
  if (node === true) return {};
  if (!isObject(node)) {
    return refuse({
      path,
      message: 'is not a schema object (a schema that matches nothing cannot be sent to Gemini).',
    });
  }

  if (typeof node.$ref === 'string') {
    const reference = node.$ref;
    if (walk.expanding.includes(reference)) {
      return refuse({
        path,
        message: `the schema refers to itself (${reference}), which Gemini's Schema cannot express: send it as JSON Schema instead (config.responseJsonSchema, or a function declaration's parametersJsonSchema).`,
      });
    }
    const target = resolveReference({ root: walk.root, reference });
    if (!isObject(target)) {
      return refuse({
        path,
        message: `$ref ${reference} does not point to a schema in this document's $defs.`,
      });
    }
    const { $ref: _reference, ...siblings } = node;
    return convert({
      node: { ...target, ...siblings },
      path,
      walk: { ...walk, expanding: [...walk.expanding, reference] },
    });
  }

  const result: GeminiSchema = {};
  let nullable = node.nullable === true;

  // One non-null branch of anyOf/oneOf/allOf is that branch, nullable or not: fold it in first
  // so the keywords written beside it (a description) win.
  const branchesKey = Array.isArray(node.anyOf) ? 'anyOf' : Array.isArray(node.oneOf) ? 'oneOf' : undefined;
  if (branchesKey !== undefined) {
    const branches = node[branchesKey] as unknown[];
    const kept: Array<{ branch: unknown; index: number }> = [];
    branches.forEach((branch, index) => {
      if (isNullBranch(branch)) nullable = true;
      else kept.push({ branch, index });
    });
    const converted = kept.map(({ branch, index }) =>
      convert({ node: branch, path: `${path}.${branchesKey}.${index}`, walk }),
    );
    if (converted.length === 1) Object.assign(result, converted[0]);
    // oneOf's "exactly one" cannot be said in the subset; anyOf is the closest it has.
    else if (converted.length > 1) result.anyOf = converted;
  }
  if (Array.isArray(node.allOf)) {
    if (node.allOf.length !== 1) {
      return refuse({
        path: `${path}.allOf`,
        message: "Gemini's Schema has no allOf: merge the parts into one object schema.",
      });
    }
    Object.assign(result, convert({ node: node.allOf[0], path: `${path}.allOf.0`, walk }));
  }
  if (node.prefixItems !== undefined || Array.isArray(node.items)) {
    return refuse({
      path: `${path}.prefixItems`,
      message:
        "Gemini's Schema has no tuples: use an object with named fields, or send the schema as JSON Schema (config.responseJsonSchema, or parametersJsonSchema).",
    });
  }

  const types = (Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type]).map(
    (type) => (typeof type === 'string' ? type.toLowerCase() : type),
  );
  for (const type of types) {
    if (typeof type !== 'string' || !knownTypes.has(type)) {
      return refuse({
        path: `${path}.type`,
        message: `${JSON.stringify(type)} is not a type Gemini knows: use string, number, integer, boolean, array, object or null.`,
      });
    }
  }
  const valueTypes = types.filter((type) => type !== 'null') as GeminiSchemaType[];
  if (types.length > valueTypes.length && valueTypes.length > 0) nullable = true;
  if (valueTypes.length === 1) result.type = valueTypes[0]!;
  else if (valueTypes.length > 1) result.anyOf = valueTypes.map((type) => ({ type }));
  else if (types.length > 0) result.type = 'null';

  for (const keyword of copiedKeywords) {
    if (node[keyword] !== undefined) (result as Record<string, unknown>)[keyword] = node[keyword];
  }
  if (result.example === undefined && Array.isArray(node.examples) && node.examples.length > 0) {
    result.example = node.examples[0];
  }
  // 2020-12 writes exclusive bounds as numbers; on an integer they are exact inclusive ones.
  if (result.type === 'integer') {
    if (typeof node.exclusiveMinimum === 'number') result.minimum = node.exclusiveMinimum + 1;
    if (typeof node.exclusiveMaximum === 'number') result.maximum = node.exclusiveMaximum - 1;
  }

  const values = node.enum !== undefined ? node.enum : 'const' in node ? [node.const] : undefined;
  if (values !== undefined) {
    const keyword = node.enum !== undefined ? 'enum' : 'const';
    if (!Array.isArray(values))
      return refuse({ path: `${path}.${keyword}`, message: 'enum must be a list.' });
    const strings = values.filter((value) => value !== null);
    if (strings.length < values.length) nullable = true;
    if (!strings.every((value) => typeof value === 'string') || (result.type ?? 'string') !== 'string') {
      return refuse({ path: `${path}.${keyword}`, message: nonStringEnumAdvice });
    }
    if (strings.length > 0) {
      result.type = 'string';
      result.enum = strings as string[];
    }
  }

  if (
    typeof node.format === 'string' &&
    result.type !== undefined &&
    allowedFormats[result.type]?.has(node.format)
  ) {
    result.format = node.format;
  }

  if (isObject(node.properties)) {
    const properties: Record<string, GeminiSchema> = {};
    for (const [name, child] of Object.entries(node.properties)) {
      properties[name] = convert({ node: child, path: `${path}.properties.${name}`, walk });
    }
    result.properties = properties;
    if (Array.isArray(node.required)) result.required = node.required as string[];
    if (Array.isArray(node.propertyOrdering)) result.propertyOrdering = node.propertyOrdering as string[];
    else if (walk.propertyOrdering && Object.keys(properties).length > 0) {
      result.propertyOrdering = Object.keys(properties);
    }
  } else if (Array.isArray(node.required) && node.required.length > 0) {
    result.required = node.required as string[];
  }
  if (isObject(node.items)) result.items = convert({ node: node.items, path: `${path}.items`, walk });

  if (nullable) result.nullable = true;
  return result;
}
