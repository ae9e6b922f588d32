import type { z } from 'zod';
import { ResponseValidationError } from '../errors.js';
import type { WireShape } from './wire-shape.js';

/**
 * Checks an upstream body against its wire shape and hands back the body itself (not zod's
 * copy), so `raw` is exactly what the upstream sent and no time goes into cloning it. The
 * shape's cheap check answers first; zod runs only when it cannot vouch for the body.
 * A mismatch is a `ResponseValidationError` whose `path` is dotted (`choices.0.message`).
 *
 * @example
 * ```ts
 * import { chatCompletionShape, validateWire } from '@gemgate/core-transport/wire';
 * const completion = validateWire({ shape: chatCompletionShape, body, what: 'chat completion' });
 * ```
 */
export function validateWire<TSchema extends z.ZodType>({
  shape,
  body,
  what,
  requestId,
  at,
}: {
  shape: WireShape<TSchema> | TSchema;
  body: unknown;
  /** What the body is, for the message (`generateContent response`). */
  what: string;
  requestId?: string | undefined;
  /** Where the body sits in something larger (`events.3`), put before the path at fault. */
  at?: string | undefined;
}): z.output<TSchema> {
  const wireShape = 'isCommonShape' in shape ? shape : undefined;
  if (wireShape?.isCommonShape?.(body)) return body as z.output<TSchema>;
  const schema: z.ZodType = wireShape ? wireShape.schema : (shape as z.ZodType);
  const result = schema.safeParse(body);
  if (result.success) return body as z.output<TSchema>;
  const issue = result.error.issues[0];
  const path = [at, ...(issue?.path ?? [])].filter((segment) => segment !== undefined).join('.');
  throw new ResponseValidationError(
    `The ${what} does not have the documented shape${path ? ` at ${path}` : ''}: ${issue?.message ?? 'invalid'}.`,
    { path: path || undefined, requestId, responseBody: body },
  );
}
