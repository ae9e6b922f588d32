import type { z } from 'zod';
import type { ResponseFormatParam } from './chat-params.js';

/**
 * Builds a `response_format` from a zod schema, like the `openai` package's helper of the same
 * name (and, for that drop-in reason, its positional arguments). The result's `parsed` is then validated against the schema and typed as its output.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const Event = z.object({ name: z.string(), date: z.string() });
 * const completion = await client.chat.completions.create({
 *   model: 'gemini-2.5-flash',
 *   messages: [{ role: 'user', content: 'Alice and Bob meet on 2025-03-14.' }],
 *   response_format: zodResponseFormat(Event, 'event'),
 * });
 * completion.parsed?.date; // string
 * ```
 */
export function zodResponseFormat<TSchema extends z.ZodType>(
  schema: TSchema,
  name: string,
  { description, strict }: { description?: string; strict?: boolean } = {},
): ResponseFormatParam<z.output<TSchema>> {
  return {
    type: 'json_schema',
    json_schema: {
      name,
      schema: schema as z.ZodType<z.output<TSchema>>,
      ...(description === undefined ? {} : { description }),
      ...(strict === undefined ? {} : { strict }),
    },
  };
}
