import type { ChatCompletionCreateParams } from './chat-params.js';

/** A part that knows its OpenAI form: a `@gemgate/media` `MediaPart`, say. */
interface ConvertiblePart {
  toOpenAIPart(): unknown;
}

function isConvertible(part: unknown): part is ConvertiblePart {
  return (
    typeof part === 'object' && part !== null && typeof (part as ConvertiblePart).toOpenAIPart === 'function'
  );
}

/**
 * The parameters with every content part that knows its OpenAI form (`toOpenAIPart()`, as
 * `@gemgate/media`'s `inlineMedia` gives) turned into that form, so such a part goes straight
 * into `messages` as it does into the native client's `contents`. The caller's objects are
 * left as they are; parameters without such a part are given back unchanged, with no copy.
 *
 * @example
 * ```ts
 * const photo = await inlineMedia({ source: 'photo.png' });
 * resolveMediaParts({ params: { model, messages: [{ role: 'user', content: [photo, { type: 'text', text: 'Describe it.' }] }] } });
 * ```
 */
export function resolveMediaParts<Params extends ChatCompletionCreateParams>({
  params,
}: {
  params: Params;
}): Params {
  const messages = (params as { messages?: unknown }).messages;
  if (!Array.isArray(messages)) return params;
  let resolved: unknown[] | undefined;
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index] as { content?: unknown } | null;
    const content = message?.content;
    if (!Array.isArray(content) || !content.some(isConvertible)) continue;
    resolved ??= [...messages];
    resolved[index] = {
      ...message,
      content: content.map((part) => (isConvertible(part) ? part.toOpenAIPart() : part)),
    };
  }
  return resolved === undefined ? params : { ...params, messages: resolved };
}
