import { type BinarySlot, InvalidArgumentError, isBinarySlot } from '@gemgate/core-transport';
import { checkContent, checkContents, checkPart } from './check-contents.js';
import type { Content, Part } from './wire-types.js';

/**
 * A part whose inline data is a `BinarySlot` (from `binarySource` or `@gemgate/media`): its
 * base64 is produced while the request is sent, so a large file is never held as a string.
 */
export interface BinaryInlinePart {
  inlineData: { mimeType: string; data: BinarySlot; [key: string]: unknown };
  [key: string]: unknown;
}

/** A part as a request takes it: a wire part, or one whose `inlineData.data` is a `BinarySlot`. */
export type PartInput = Part | BinaryInlinePart;

/** A turn as a request takes it: like `Content`, with parts that may carry a `BinarySlot`. */
export interface ContentTurnInput {
  role?: string | undefined;
  parts?: PartInput[] | undefined;
  [key: string]: unknown;
}

/** What `contents` accepts: a string, a part, a list of parts (strings allowed), a content, or a list of contents. */
export type ContentListInput =
  | string
  | PartInput
  | ContentTurnInput
  | ReadonlyArray<string | PartInput>
  | readonly ContentTurnInput[];

/** What a system instruction accepts: a string, a part, a list of parts, or a content. */
export type ContentInput = string | PartInput | ContentTurnInput | ReadonlyArray<string | PartInput>;

/**
 * A content is told from a part by its `parts` or `role` key, so `{ parts: 'x' }` is refused
 * as a content with bad parts rather than sent as a part that carries nothing.
 */
function isContent(value: unknown): value is Content {
  return typeof value === 'object' && value !== null && ('parts' in value || 'role' in value);
}

/**
 * Whether any part of these contents carries a `BinarySlot` as its inline data, so the request
 * must be sent as a streamed `json-with-binary` body. Reads only each part's `inlineData`, so a
 * request without media costs one look per part.
 *
 * @example
 * ```ts
 * import { binarySource } from '@gemgate/core-transport';
 * import { contentsCarryBinary } from '@gemgate/native-gemini';
 * const data = binarySource({ byteLength: 0, open: async function* () {} });
 * contentsCarryBinary({ contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data } }] }] }); // true
 * ```
 */
export function contentsCarryBinary({ contents }: { contents: readonly ContentTurnInput[] }): boolean {
  for (const content of contents) {
    const parts = content.parts;
    if (!Array.isArray(parts)) continue;
    for (const part of parts) {
      const inlineData = (part as { inlineData?: { data?: unknown } } | null)?.inlineData;
      if (typeof inlineData === 'object' && inlineData !== null && isBinarySlot(inlineData.data)) return true;
    }
  }
  return false;
}

function toPart(value: string | Part, argument: string): Part {
  if (typeof value === 'string') return { text: value };
  checkPart({ part: value, argument });
  return value;
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
    if (contentCount === contents.length) {
      checkContents({ contents, argument });
      return contents as Content[];
    }
    if (contentCount > 0) {
      throw new InvalidArgumentError(
        `${argument} mixes contents ({ role, parts }) and loose parts: give either a list of contents or a list of parts.`,
        { argument },
      );
    }
    return [
      {
        role: 'user',
        parts: (contents as Array<string | Part>).map((part, i) => toPart(part, `${argument}[${i}]`)),
      },
    ];
  }
  if (isContent(contents)) {
    checkContent({ content: contents, argument });
    return [contents.role === undefined ? { role: 'user', ...contents } : contents];
  }
  if (typeof contents === 'object' && contents !== null) {
    return [{ role: 'user', parts: [toPart(contents as Part, argument)] }];
  }
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
    return { role: 'user', parts: content.map((part, i) => toPart(part, `${argument}[${i}]`)) };
  }
  if (isContent(content)) {
    checkContent({ content, argument, isSystemInstruction: true });
    return content;
  }
  return { role: 'user', parts: [toPart(content as Part, argument)] };
}
