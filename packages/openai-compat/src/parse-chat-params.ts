import { InvalidArgumentError } from '@gemgate/core-transport';
import type { z } from 'zod';
import { chatParamsSchema, type ParsedChatParams } from './chat-params-schema.js';

/**
 * Validates `chat.completions.create` parameters; the first problem becomes an
 * `InvalidArgumentError` naming the field (`messages.1.content.0.image_url.url`), before
 * anything is sent.
 *
 * @example
 * ```ts
 * parseChatParams({ params: { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Hi' }] } });
 * ```
 */
export function parseChatParams({ params }: { params: unknown }): ParsedChatParams {
  const result = chatParamsSchema.safeParse(params);
  if (result.success) return result.data;
  throw invalidArgumentFromIssue({ issue: result.error.issues[0]! });
}

/** Turns one zod issue into an error whose message says which field to change and how. */
export function invalidArgumentFromIssue({ issue }: { issue: z.core.$ZodIssue }): InvalidArgumentError {
  const argument = issue.path.map(String).join('.');
  const where = argument === '' ? 'The parameters' : argument;
  return new InvalidArgumentError(`${where}: ${issue.message}.`, { argument });
}
