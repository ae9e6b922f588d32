import { InvalidArgumentError } from '@gemgate/core-transport';
import type { z } from 'zod';

/**
 * Validates caller input with a zod schema; the first problem becomes an
 * `InvalidArgumentError` naming the field path (`config.temperature`).
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * parseArguments({ schema: z.number().max(2), value: 1, argument: 'config.temperature' });
 * ```
 */
export function parseArguments<T>({
  schema,
  value,
  argument,
}: {
  schema: z.ZodType;
  value: T;
  argument: string;
}): T {
  const result = schema.safeParse(value);
  if (result.success) return value;
  const issue = result.error.issues[0]!;
  const path = [argument, ...issue.path.map(String)].join('.');
  throw new InvalidArgumentError(`${path}: ${issue.message}.`, { argument: path });
}
