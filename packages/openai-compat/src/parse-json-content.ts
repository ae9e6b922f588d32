import { ResponseValidationError } from '@gemgate/core-transport';
import type { z } from 'zod';

/**
 * Parses a JSON answer (`response_format` json_schema / json_object) and, when the caller gave
 * a zod schema, validates it. A mismatch is a `ResponseValidationError` naming the field.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * parseJsonContent({ content: '{"city":"Oslo"}', schema: z.object({ city: z.string() }) }); // { city: 'Oslo' }
 * ```
 */
export function parseJsonContent({
  content,
  schema,
  path = 'choices.0.message.content',
  requestId,
}: {
  content: string;
  schema: z.ZodType | undefined;
  path?: string;
  /** The gateway's request id, carried by the error for a support ticket. */
  requestId?: string | undefined;
}): unknown {
  let value: unknown;
  try {
    // Some models wrap JSON in a markdown fence even when asked for JSON.
    value = JSON.parse(stripCodeFence(content));
  } catch (cause) {
    throw new ResponseValidationError(
      'The answer is not valid JSON, though response_format asked for JSON.',
      {
        path,
        requestId,
        responseBody: content,
        cause,
      },
    );
  }
  if (schema === undefined) return value;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  throw new ResponseValidationError(
    `The answer does not match the response_format schema at "${field || '(root)'}": ${issue.message}.`,
    { path: field === '' ? path : `${path}:${field}`, requestId, responseBody: value },
  );
}

function stripCodeFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/.exec(content);
  return fenced ? fenced[1]! : content;
}
