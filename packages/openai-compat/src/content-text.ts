/**
 * The text of a message's content: a string as it is, the text parts of an array of parts
 * (how some OpenAI-shaped gateways answer), nothing for anything else.
 *
 * @example
 * ```ts
 * contentText({ content: [{ type: 'text', text: 'Hi' }, { type: 'text', text: '!' }] }); // 'Hi!'
 * ```
 */
export function contentText({ content }: { content: unknown }): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const part of content) {
    if (part?.type === 'text' && typeof part.text === 'string') text += part.text;
  }
  return text;
}
