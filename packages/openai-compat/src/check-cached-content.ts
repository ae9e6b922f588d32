import { InvalidArgumentError } from '@gemgate/core-transport';
import type { ParsedChatParams } from './chat-params-schema.js';

/**
 * Checks a request that names an explicit cache (`extra_body.google.cached_content`): Gemini
 * rejects one that also sets a system instruction or tools, since the cache already holds
 * them. On this route those are `system` / `developer` messages and `tools`.
 *
 * @example
 * ```ts
 * checkCachedContent({
 *   params: {
 *     model: 'gemini-2.5-flash',
 *     messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }],
 *     extra_body: { google: { cached_content: 'cachedContents/abc' } },
 *   },
 * }); // throws InvalidArgumentError (argument 'messages.0')
 * ```
 */
export function checkCachedContent({
  params,
}: {
  params: Pick<ParsedChatParams, 'messages' | 'tools' | 'extra_body'>;
}): void {
  if (params.extra_body?.google?.cached_content === undefined) return;
  const advice = 'put it in the cache when you create it, or drop extra_body.google.cached_content';
  const systemAt = params.messages.findIndex(
    (message) => message.role === 'system' || message.role === 'developer',
  );
  if (systemAt >= 0) {
    throw new InvalidArgumentError(
      `messages.${systemAt} is a ${params.messages[systemAt]!.role} message, which Gemini refuses next to an explicit cache: ${advice}.`,
      { argument: `messages.${systemAt}` },
    );
  }
  if ((params.tools?.length ?? 0) > 0) {
    throw new InvalidArgumentError(`tools cannot be sent with an explicit cache: ${advice}.`, {
      argument: 'tools',
    });
  }
}
