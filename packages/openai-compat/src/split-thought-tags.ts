/**
 * Some gateway versions return Gemini's thoughts inside the content, as
 * `<thought>…</thought>` before the answer. These functions separate the two, whole or as a
 * stream whose tags may be cut anywhere between chunks.
 */

/** Content separated into the answer (`text`) and the thoughts (`reasoning`). */
export interface ThoughtSplit {
  text: string;
  reasoning: string;
}

const openTag = '<thought>';
const closeTag = '</thought>';

/** Separates thoughts from one whole content string. */
export function splitThoughtTags({ content }: { content: string }): ThoughtSplit {
  // The common case, content without tags, allocates nothing.
  if (!content.includes(openTag)) return { text: content, reasoning: '' };
  const splitter = createThoughtTagSplitter();
  const head = splitter.push(content);
  const tail = splitter.flush();
  return { text: head.text + tail.text, reasoning: head.reasoning + tail.reasoning };
}

/** A stateful splitter for streamed content. */
export interface ThoughtTagSplitter {
  /** Takes the next piece of content; returns what can be attributed so far. */
  push(piece: string): ThoughtSplit;
  /** Releases a held-back partial tag at the end of the stream. */
  flush(): ThoughtSplit;
}

/**
 * Creates a splitter for streamed content. A piece ending in what could be the start of a tag
 * (`<tho`) is held back until the next piece says whether it was one.
 *
 * @example
 * ```ts
 * const splitter = createThoughtTagSplitter();
 * splitter.push('<thou'); // { text: '', reasoning: '' }
 * splitter.push('ght>Hmm</thought>Yes'); // { text: 'Yes', reasoning: 'Hmm' }
 * ```
 */
export function createThoughtTagSplitter(): ThoughtTagSplitter {
  let inThought = false;
  let pending = '';

  return {
    push(piece) {
      if (pending === '' && !inThought && !piece.includes('<')) return { text: piece, reasoning: '' };
      let buffer = pending + piece;
      pending = '';
      let text = '';
      let reasoning = '';
      for (;;) {
        const tag = inThought ? closeTag : openTag;
        const at = buffer.indexOf(tag);
        if (at >= 0) {
          if (inThought) reasoning += buffer.slice(0, at);
          else text += buffer.slice(0, at);
          buffer = buffer.slice(at + tag.length);
          inThought = !inThought;
          continue;
        }
        const held = partialTagLength({ buffer, tag });
        const released = buffer.slice(0, buffer.length - held);
        if (inThought) reasoning += released;
        else text += released;
        pending = buffer.slice(buffer.length - held);
        return { text, reasoning };
      }
    },
    flush() {
      const released = pending;
      pending = '';
      return inThought ? { text: '', reasoning: released } : { text: released, reasoning: '' };
    },
  };
}

/** Length of the longest end of `buffer` that is a proper beginning of `tag`. */
function partialTagLength({ buffer, tag }: { buffer: string; tag: string }): number {
  for (let length = Math.min(tag.length - 1, buffer.length); length > 0; length--) {
    if (buffer.endsWith(tag.slice(0, length))) return length;
  }
  return 0;
}
