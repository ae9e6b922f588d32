import { InvalidArgumentError } from '@gemgate/core-transport';
import type { Content, Part } from './wire-types.js';

/** What `contents` accepts: a string, a part, a list of parts (strings allowed), a content, or a list of contents. */
export type ContentListInput = string | Part | Content | ReadonlyArray<string | Part> | readonly Content[];

/** What a system instruction accepts: a string, a part, a list of parts, or a content. */
export type ContentInput = string | Part | Content | ReadonlyArray<string | Part>;

function isContent(value: unknown): value is Content {
  return typeof value === 'object' && value !== null && Array.isArray((value as Content).parts);
}

function toPart(value: string | Part, argument: string): Part {
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  throw new InvalidArgumentError(`${argument} must be a string or a part object like { text: "..." }.`, {
    argument,
  });
}

/**
 * Turns every shape `contents` may take into the wire's list of contents. Loose parts become
 * one user turn, as in `@google/genai`.
 *
 * @example
 * ```ts
 * import { normalizeContents } from '@gemgate/native-gemini';
 * normalizeContents({ contents: 'Hello' }); // [{ role: 'user', parts: [{ text: 'Hello' }] }]
 * ```
 */
export function normalizeContents({
  contents,
  argument = 'contents',
}: {
  contents: ContentListInput;
  argument?: string;
}): Content[] {
  if (typeof contents === 'string') return [{ role: 'user', parts: [{ text: contents }] }];
  if (Array.isArray(contents)) {
    if (contents.length === 0) {
      throw new InvalidArgumentError(`${argument} is empty: give at least one message.`, { argument });
    }
    const contentCount = contents.filter(isContent).length;
    if (contentCount === contents.length) return contents as Content[];
    if (contentCount > 0) {
      throw new InvalidArgumentError(
        `${argument} mixes contents ({ role, parts }) and loose parts: give either a list of contents or a list of parts.`,
        { argument },
      );
    }
    return [
      {
        role: 'user',
        parts: (contents as Array<string | Part>).map((part, i) => toPart(part, `${argument}.${i}`)),
      },
    ];
  }
  if (isContent(contents)) return [contents.role === undefined ? { role: 'user', ...contents } : contents];
  if (typeof contents === 'object' && contents !== null) return [{ role: 'user', parts: [contents as Part] }];
  throw new InvalidArgumentError(
    `${argument} must be a string, a part, a list of parts or a list of contents.`,
    {
      argument,
    },
  );
}

/**
 * Turns a system instruction (string, part, parts or content) into the wire's content. A
 * content we build gets the role `user`, as `@google/genai` sends it (the upstream ignores a
 * system instruction's role), so both clients put the same bytes on the wire; a content given
 * whole is sent as is.
 *
 * @example
 * ```ts
 * import { normalizeContent } from '@gemgate/native-gemini';
 * normalizeContent({ content: 'Be brief.', argument: 'config.systemInstruction' }); // { role: 'user', parts: [{ text: 'Be brief.' }] }
 * ```
 */
export function normalizeContent({
  content,
  argument,
}: {
  content: ContentInput;
  argument: string;
}): Content {
  if (typeof content === 'string') return { role: 'user', parts: [{ text: content }] };
  if (Array.isArray(content)) {
    return { role: 'user', parts: content.map((part, i) => toPart(part, `${argument}.${i}`)) };
  }
  if (isContent(content)) return content;
  return { role: 'user', parts: [toPart(content as Part, argument)] };
}
