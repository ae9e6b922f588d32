/**
 * Renders streamed Markdown block by block: text is held until a blank line closes a paragraph
 * (outside a code fence), then that block is rendered and printed. A terminal thus shows
 * formatted Markdown while the answer is still arriving, and a code block appears whole, highlighted.
 */
export interface MarkdownStream {
  write(text: string): void;
  end(): void;
}

/** Creates a {@link MarkdownStream} that prints through `write`, rendering with marked-terminal. */
export async function createMarkdownStream({
  write,
}: {
  write: (text: string) => void;
}): Promise<MarkdownStream> {
  const { Marked } = await import('marked');
  const { markedTerminal } = await import('marked-terminal');
  const marked = new Marked();
  // marked-terminal's types lag behind marked 16's extension type; the runtime shape matches.
  marked.use(markedTerminal({ reflowText: false }) as Parameters<typeof marked.use>[0]);
  let pending = '';
  const render = (block: string) => {
    if (block.trim() === '') return;
    write(String(marked.parse(block)));
  };
  return {
    write(text) {
      pending += text;
      let boundary = closedBlockEnd({ text: pending });
      while (boundary > 0) {
        render(pending.slice(0, boundary));
        pending = pending.slice(boundary);
        boundary = closedBlockEnd({ text: pending });
      }
    },
    end() {
      render(pending);
      pending = '';
    },
  };
}

/** The end of the last complete block: after a blank line that is outside any code fence; 0 when none. */
export function closedBlockEnd({ text }: { text: string }): number {
  let insideFence = false;
  let end = 0;
  let offset = 0;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length - 1; index++) {
    const line = lines[index] as string;
    offset += line.length + 1;
    if (/^\s*(```|~~~)/.test(line)) {
      insideFence = !insideFence;
      if (!insideFence) end = offset;
    } else if (!insideFence && line.trim() === '' && index > 0) {
      end = offset;
    }
  }
  return end;
}
