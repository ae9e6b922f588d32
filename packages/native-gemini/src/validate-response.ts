import { ResponseValidationError } from '@gemgate/core-transport';
import type { z } from 'zod';

/**
 * Checks an answer body against its lenient schema and hands back the body itself (not zod's
 * copy), so `raw` is exactly what the upstream sent and no time is spent cloning it.
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
  schema: z.ZodType;
  body: unknown;
  /** What the body is, for the message (`generateContent response`). */
  what: string;
  requestId?: string | undefined;
}): T {
  const result = schema.safeParse(body);
  if (result.success) return body as T;
  const issue = result.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  throw new ResponseValidationError(
    `The ${what} does not have the documented shape${path ? ` at ${path}` : ''}: ${issue?.message ?? 'invalid'}.`,
    { path: path || undefined, requestId, responseBody: body },
  );
}
