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
  const specific = mostSpecificIssue({ issue });
  const argument = specific.path.map(String).join('.');
  const where = argument === '' ? 'The parameters' : argument;
  return new InvalidArgumentError(`${where}: ${specific.message}.`, { argument });
}

/**
 * A union's own issue says only "Invalid input" at the union (`messages.0.content`). The
 * option that got furthest into the value is the one the caller meant (an image part whose
 * `image_url` is a string, not the plain-string content), so its issue is reported instead;
 * at equal depth, an option whose type matched (an empty array for a list) beats one that
 * only says the type is wrong.
 */
function mostSpecificIssue({ issue }: { issue: z.core.$ZodIssue }): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  let best: z.core.$ZodIssue | undefined;
  let bestScore = -1;
  for (const optionIssues of issue.errors) {
    const first = optionIssues[0];
    if (first === undefined) continue;
    const candidate = mostSpecificIssue({ issue: first });
    const score = candidate.path.length * 2 + (candidate.code === 'invalid_type' ? 0 : 1);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best === undefined) return issue;
  return { ...best, path: [...issue.path, ...best.path] };
}
