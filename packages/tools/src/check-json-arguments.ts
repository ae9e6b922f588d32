/**
 * The first way a value breaks a JSON Schema, as `path: what is wrong`, or `undefined` when it
 * fits. A small checker for the keywords tool parameters use (type, properties, required,
 * additionalProperties: false, items, enum, const, anyOf / oneOf, nullable, local `$ref`s), so a
 * tool declared with plain JSON Schema gets its arguments checked without a validator
 * dependency; what it does not know it lets through, as the tool will see the value anyway.
 *
 * @example
 * ```ts
 * checkJsonArguments({ schema: { type: 'object', required: ['city'] }, value: {} }); // '$: "city" is required'
 * ```
 */
export function checkJsonArguments({
  schema,
  value,
  path = '$',
  root = schema,
}: {
  schema: unknown;
  value: unknown;
  path?: string;
  root?: unknown;
}): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const node = schema as Record<string, unknown>;
  if (typeof node.$ref === 'string') {
    const target = resolveLocalReference({ root, reference: node.$ref });
    if (target !== undefined) return checkJsonArguments({ schema: target, value, path, root });
  }
  if (value === null && node.nullable === true) return undefined;
  const branches = Array.isArray(node.anyOf)
    ? node.anyOf
    : Array.isArray(node.oneOf)
      ? node.oneOf
      : undefined;
  if (branches) {
    const failures = branches.map((branch) => checkJsonArguments({ schema: branch, value, path, root }));
    if (!failures.includes(undefined)) return failures[0] ?? `${path}: matches none of the allowed shapes`;
  }
  if (node.type !== undefined) {
    const types = (Array.isArray(node.type) ? node.type : [node.type]).map((type) =>
      String(type).toLowerCase(),
    );
    if (!types.some((type) => hasType({ value, type })))
      return `${path}: expected ${types.join(' or ')}, got ${typeName(value)}`;
  }
  if (Array.isArray(node.enum) && !node.enum.some((allowed) => sameJson(allowed, value))) {
    return `${path}: must be one of ${JSON.stringify(node.enum)}`;
  }
  if ('const' in node && !sameJson(node.const, value))
    return `${path}: must be ${JSON.stringify(node.const)}`;
  if (Array.isArray(value) && node.items !== undefined) {
    for (let index = 0; index < value.length; index++) {
      const found = checkJsonArguments({
        schema: node.items,
        value: value[index],
        path: `${path}[${index}]`,
        root,
      });
      if (found) return found;
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return checkObject({ node, value: value as Record<string, unknown>, path, root });
  }
  return undefined;
}

function checkObject({
  node,
  value,
  path,
  root,
}: {
  node: Record<string, unknown>;
  value: Record<string, unknown>;
  path: string;
  root: unknown;
}): string | undefined {
  const properties = (node.properties ?? {}) as Record<string, unknown>;
  for (const name of Array.isArray(node.required) ? node.required : []) {
    if (!(name in value)) return `${path}: "${name}" is required`;
  }
  for (const [name, child] of Object.entries(value)) {
    const childPath = `${path}.${name}`;
    if (name in properties) {
      const found = checkJsonArguments({ schema: properties[name], value: child, path: childPath, root });
      if (found) return found;
    } else if (node.additionalProperties === false) {
      return `${childPath}: is not an expected property`;
    } else if (typeof node.additionalProperties === 'object') {
      const found = checkJsonArguments({
        schema: node.additionalProperties,
        value: child,
        path: childPath,
        root,
      });
      if (found) return found;
    }
  }
  return undefined;
}

function hasType({ value, type }: { value: unknown; type: string }): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

function resolveLocalReference({ root, reference }: { root: unknown; reference: string }): unknown {
  if (!reference.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const key of reference.slice(1).split('/').filter(Boolean)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[
      decodeURIComponent(key.replaceAll('~1', '/').replaceAll('~0', '~'))
    ];
  }
  return node;
}
