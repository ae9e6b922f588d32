import { type Random, randomInt } from '../text/hash.js';

type Schema = Record<string, unknown>;

const sampleWords = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];

/**
 * Builds a value that validates against a schema. Accepts JSON Schema and Google's OpenAPI
 * subset (uppercase `type`s such as `OBJECT`, `nullable`), so the same generator serves
 * `parameters`, `parametersJsonSchema`, `responseSchema`, `responseJsonSchema` and OpenAI's
 * `json_schema`. Every declared property is filled, required or not, so callers see the whole shape.
 */
export function valueForSchema({
  schema,
  random,
  root = schema,
  depth = 0,
}: {
  schema: unknown;
  random: Random;
  root?: unknown;
  depth?: number;
}): unknown {
  if (!schema || typeof schema !== 'object' || depth > 8) return null;
  const node = schema as Schema;
  if (typeof node.$ref === 'string') {
    return valueForSchema({ schema: resolveRef({ root, ref: node.$ref }), random, root, depth: depth + 1 });
  }
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) {
    return node.enum[Math.floor(random() * node.enum.length)];
  }
  const alternatives = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    const firstConcrete = alternatives.find((item) => (item as Schema)?.type !== 'null') ?? alternatives[0];
    return valueForSchema({ schema: firstConcrete, random, root, depth: depth + 1 });
  }
  if (Array.isArray(node.allOf) && node.allOf.length > 0) {
    const merged = Object.assign({}, ...(node.allOf as Schema[]));
    return valueForSchema({ schema: merged, random, root, depth: depth + 1 });
  }
  switch (typeOf(node)) {
    case 'object':
      return objectFor({ node, random, root, depth });
    case 'array': {
      const min = typeof node.minItems === 'number' ? node.minItems : 1;
      const max = typeof node.maxItems === 'number' ? node.maxItems : Math.max(min, 2);
      const count = randomInt({ random, min, max: Math.max(min, Math.min(max, min + 2)) });
      return Array.from({ length: count }, () =>
        valueForSchema({ schema: node.items ?? { type: 'string' }, random, root, depth: depth + 1 }),
      );
    }
    case 'integer':
      return numberFor({ node, random, integer: true });
    case 'number':
      return numberFor({ node, random, integer: false });
    case 'boolean':
      return random() < 0.5;
    case 'null':
      return null;
    default:
      return stringFor({ node, random });
  }
}

function typeOf(node: Schema): string {
  const raw = Array.isArray(node.type) ? node.type.find((item) => item !== 'null') : node.type;
  if (typeof raw === 'string') return raw.toLowerCase();
  if (node.properties) return 'object';
  if (node.items) return 'array';
  return 'string';
}

function objectFor({
  node,
  random,
  root,
  depth,
}: {
  node: Schema;
  random: Random;
  root: unknown;
  depth: number;
}) {
  const properties = (node.properties ?? {}) as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [name, propertySchema] of Object.entries(properties)) {
    result[name] = valueForSchema({ schema: propertySchema, random, root, depth: depth + 1 });
  }
  return result;
}

function numberFor({ node, random, integer }: { node: Schema; random: Random; integer: boolean }): number {
  const min = typeof node.minimum === 'number' ? node.minimum : 0;
  const max = typeof node.maximum === 'number' ? node.maximum : min + 100;
  const value = min + random() * (max - min);
  return integer ? Math.min(max, Math.max(min, Math.round(value))) : Math.round(value * 100) / 100;
}

function stringFor({ node, random }: { node: Schema; random: Random }): string {
  switch (node.format) {
    case 'date':
      return `2025-0${randomInt({ random, min: 1, max: 9 })}-1${randomInt({ random, min: 0, max: 9 })}`;
    case 'date-time':
      return `2025-03-1${randomInt({ random, min: 0, max: 9 })}T10:00:00Z`;
    case 'email':
      return `${sampleWords[randomInt({ random, min: 0, max: sampleWords.length - 1 })]}@example.com`;
    case 'uri':
      return 'https://example.com/resource';
  }
  let text = `${sampleWords[randomInt({ random, min: 0, max: sampleWords.length - 1 })]}-${randomInt({ random, min: 1, max: 99 })}`;
  if (typeof node.minLength === 'number') text = text.padEnd(node.minLength, 'x');
  if (typeof node.maxLength === 'number') text = text.slice(0, Math.max(0, node.maxLength));
  return text;
}

function resolveRef({ root, ref }: { root: unknown; ref: string }): unknown {
  if (!ref.startsWith('#/')) return {};
  let current: unknown = root;
  for (const segment of ref.slice(2).split('/')) {
    current = (current as Schema | undefined)?.[segment];
  }
  return current ?? {};
}
