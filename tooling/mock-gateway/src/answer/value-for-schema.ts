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
      const max = typeof node.maxItems === 'number' ? node.maxItems : Number.POSITIVE_INFINITY;
      const min = typeof node.minItems === 'number' ? node.minItems : Math.min(1, max);
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
  const step = integer ? 1 : 0.01;
  const low = boundOf({ inclusive: node.minimum, exclusive: node.exclusiveMinimum, direction: 1 });
  const high = boundOf({ inclusive: node.maximum, exclusive: node.exclusiveMaximum, direction: -1 });
  let min = low && low.value + (low.exclusive ? step : 0);
  let max = high && high.value - (high.exclusive ? step : 0);
  if (min === undefined) min = max === undefined ? 0 : Math.min(0, max - 100);
  if (max === undefined) max = min + 100;
  if (integer) {
    min = Math.ceil(min);
    max = Math.max(min, Math.floor(max));
  }
  const multiple = typeof node.multipleOf === 'number' && node.multipleOf > 0 ? node.multipleOf : undefined;
  if (multiple !== undefined) {
    // The first multiple in range, plus a random number of steps that stays in range.
    const first = Math.ceil(min / multiple) * multiple;
    return (
      first + randomInt({ random, min: 0, max: Math.max(0, Math.floor((max - first) / multiple)) }) * multiple
    );
  }
  const value = min + random() * (max - min);
  if (integer) return Math.min(max, Math.max(min, Math.round(value)));
  const rounded = Math.round(value * 100) / 100;
  return rounded >= min && rounded <= max ? rounded : value;
}

/**
 * The tighter of a schema's inclusive and exclusive bound on one side (`direction` 1 for the lower
 * bound, -1 for the upper). Draft 2020-12 writes an exclusive bound as a number (zod's
 * `.positive()` gives `exclusiveMinimum: 0`); draft 4 as `true` next to `minimum`/`maximum`.
 */
function boundOf({
  inclusive,
  exclusive,
  direction,
}: {
  inclusive: unknown;
  exclusive: unknown;
  direction: 1 | -1;
}): { value: number; exclusive: boolean } | undefined {
  const bounds: { value: number; exclusive: boolean }[] = [];
  if (typeof inclusive === 'number') bounds.push({ value: inclusive, exclusive: exclusive === true });
  if (typeof exclusive === 'number') bounds.push({ value: exclusive, exclusive: true });
  return bounds.reduce<{ value: number; exclusive: boolean } | undefined>((tightest, bound) => {
    if (!tightest) return bound;
    const delta = (bound.value - tightest.value) * direction;
    return delta > 0 || (delta === 0 && bound.exclusive) ? bound : tightest;
  }, undefined);
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
    case 'url':
      return 'https://example.com/resource';
    case 'time':
      return `1${randomInt({ random, min: 0, max: 9 })}:30:00Z`;
    case 'uuid':
      return `00000000-0000-4000-8000-0000000000${randomInt({ random, min: 10, max: 99 })}`;
    case 'ipv4':
      return `192.0.2.${randomInt({ random, min: 1, max: 254 })}`;
    case 'hostname':
      return 'example.com';
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
