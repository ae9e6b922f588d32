/**
 * The part of a zod 4 schema gemgate relies on: its `_zod` internals. Written out here, rather
 * than imported from zod, so this subpath's types and code load without zod installed.
 */
export interface ZodSchemaLike {
  readonly _zod: { readonly def: object };
}

/**
 * Whether a value is a zod 4 schema (classic or mini, from any copy of zod). Checked by the
 * `_zod` internals every zod 4 schema carries rather than by `instanceof`, so a schema built
 * with the caller's own copy of zod is recognised, and zod need not be installed to ask. A
 * caller that has zod's types narrows to them with `isZodSchema<z.ZodType>(value)`.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { isZodSchema } from '@gemgate/core-transport/json-schema';
 * isZodSchema(z.string()); // true
 * isZodSchema({ type: 'string' }); // false
 * ```
 */
export function isZodSchema<TSchema extends ZodSchemaLike = ZodSchemaLike>(value: unknown): value is TSchema {
  if (typeof value !== 'object' || value === null || !('_zod' in value)) return false;
  const internals = value._zod;
  return typeof internals === 'object' && internals !== null && 'def' in internals;
}
