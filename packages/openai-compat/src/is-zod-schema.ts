import type { z } from 'zod';

/**
 * Whether a value is a zod schema. Checked by zod 4's `_zod` internals marker rather than
 * `instanceof`, so a schema built with the caller's own copy of zod is recognised too.
 */
export function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value && typeof value._zod === 'object';
}
