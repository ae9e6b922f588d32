import { InvalidArgumentError } from '@gemgate/core-transport';
import type { ParsedChatParams } from './chat-params-schema.js';
import { isZodSchema } from './is-zod-schema.js';
import { zodToJsonSchema } from './zod-to-json-schema.js';

/** Keys whose value is one subschema, or a map or list of them. */
const singleChildren = ['items', 'additionalProperties', 'not'] as const;
const mapChildren = ['properties', '$defs', 'definitions'] as const;
const listChildren = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const;

/**
 * Checks tool parameter schemas for what Gemini refuses with a vague 400: an `enum` of
 * anything but strings (`{ type: 'integer', enum: [1, 2] }`). The error names the node, so
 * the fix (string values, or `minimum`/`maximum`) is made where it belongs.
 *
 * @example
 * ```ts
 * checkToolSchemas({
 *   params: { tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties: { n: { type: 'integer', enum: [1, 2] } } } } }] },
 * }); // throws InvalidArgumentError (argument 'tools.0.function.parameters.properties.n.enum')
 * ```
 */
export function checkToolSchemas({ params }: { params: Pick<ParsedChatParams, 'tools'> }): void {
  const tools = params.tools ?? [];
  for (let index = 0; index < tools.length; index++) {
    const parameters = tools[index]!.function.parameters;
    if (parameters === undefined) continue;
    const schema = isZodSchema(parameters) ? zodToJsonSchema({ schema: parameters }) : parameters;
    const at = nonStringEnumPath({ node: schema, path: `tools.${index}.function.parameters` });
    if (at !== undefined) {
      throw new InvalidArgumentError(
        `${at}: Gemini takes enum only on strings: make the values strings (and the type "string"), or describe the range with minimum/maximum.`,
        { argument: at },
      );
    }
  }
}

function nonStringEnumPath({ node, path }: { node: unknown; path: string }): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const schema = node as Record<string, unknown>;
  if (Array.isArray(schema.enum)) {
    // Only what is surely refused: a number or boolean type, or number / boolean values.
    // (`null` beside strings, and type lists, are left to the upstream to judge.)
    const type = schema.type;
    const typedOtherwise = typeof type === 'string' && type !== 'string' && type !== 'null';
    const valuesOtherwise = schema.enum.some(
      (value) => typeof value === 'number' || typeof value === 'boolean',
    );
    if (typedOtherwise || valuesOtherwise) return `${path}.enum`;
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
