import { validateWire, type WireShape } from '@gemgate/core-transport/wire';
import type { z } from 'zod';

/**
 * Checks an answer body against its lenient wire shape (or a zod schema) and hands back the
 * body itself (not zod's copy), so `raw` is exactly what the upstream sent. A shape's cheap
 * check of the common form answers first, so a stream's chunks rarely reach zod.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const body = validateResponse({ schema: z.looseObject({ name: z.string() }), body: { name: 'x' }, what: 'model' });
 * ```
 */
export function validateResponse<T>({
  schema,
  body,
  what,
  requestId,
}: {
  schema: WireShape<z.ZodType> | z.ZodType;
  body: unknown;
  /** What the body is, for the message (`generateContent response`). */
  what: string;
  requestId?: string | undefined;
}): T {
  return validateWire({ shape: schema, body, what, requestId }) as T;
}
