import type { AnswerEvent } from './chat-route.js';
import { createMarkdownStream, type MarkdownStream } from './markdown-stream.js';
import { colorsFor } from './terminal.js';

/** Prints an answer's events: JSON for scripts, Markdown on a terminal, raw text when piped. */
export interface AnswerPrinter {
  onEvent(event: AnswerEvent): void;
  /** Ends the answer: flushes Markdown, ends the last line. */
  end(): void;
  /** Ends a cut answer so the shell prompt never starts mid-line. */
  interrupt(): void;
  /** Whether anything was printed yet (the spinner stops at the first output). */
  readonly started: boolean;
}

/** Creates the printer for one answer. */
export async function createAnswerPrinter({
  json,
  stream,
  showThoughts,
  stdout = process.stdout,
  stderr = process.stderr,
  onFirstOutput = () => {},
}: {
  json: boolean;
  stream: boolean;
  showThoughts: boolean;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  onFirstOutput?: () => void;
}): Promise<AnswerPrinter> {
  const outColors = colorsFor({ stream: stdout });
  const errorColors = colorsFor({ stream: stderr });
  let started = false;
  let lastCharacter = '\n';
  let thoughtsOpen = false;
  const write = (text: string) => {
    if (text === '') return;
    if (!started) {
      started = true;
      onFirstOutput();
    }
    stdout.write(text);
    lastCharacter = text.at(-1) as string;
  };
  const markdown: MarkdownStream | undefined =
    !json && outColors.isColorSupported ? await createMarkdownStream({ write }) : undefined;
  const closeThoughts = () => {
    if (thoughtsOpen) {
      stderr.write('\n');
      thoughtsOpen = false;
    }
  };
  return {
    get started() {
      return started;
    },
    onEvent(event) {
      if (json) {
        if (event.type === 'chunk')
          write(stream ? `${JSON.stringify(event.raw)}\n` : `${JSON.stringify(event.raw, null, 2)}\n`);
        return;
      }
      switch (event.type) {
        case 'thought':
          if (!showThoughts) return;
          if (!started) {
            started = true;
            onFirstOutput();
          }
          // Thoughts go to stderr, dimmed, so a pipe or a redirect keeps only the answer.
          stderr.write(errorColors.dim(thoughtsOpen ? event.text : `thinking: ${event.text}`));
          thoughtsOpen = true;
          return;
        case 'text':
          closeThoughts();
          if (markdown) markdown.write(event.text);
          else write(event.text);
          return;
        case 'code':
        case 'code-result': {
          closeThoughts();
          const outcome =
            event.type === 'code-result' ? event.outcome.toLowerCase().replace(/^outcome_/, '') : '';
          // The Markdown renderer highlights by fence language: output gets one it knows
          // (plaintext), its outcome on the line above; raw output keeps it in the fence.
          const block =
            event.type === 'code'
              ? `\n\`\`\`${event.language}\n${event.code.replace(/\n$/, '')}\n\`\`\`\n\n`
              : markdown
                ? `\noutput (${outcome}):\n\n\`\`\`plaintext\n${event.output.replace(/\n$/, '')}\n\`\`\`\n\n`
                : `\n\`\`\`output (${outcome})\n${event.output.replace(/\n$/, '')}\n\`\`\`\n\n`;
          if (markdown) markdown.write(block);
          else write(lastCharacter === '\n' ? block.slice(1) : block);
          return;
        }
        case 'tool-call':
          closeThoughts();
          stderr.write(errorColors.cyan(`→ ${event.name}(${JSON.stringify(event.arguments)})\n`));
          return;
        case 'tool-result':
          stderr.write(errorColors.dim(`← ${event.name}: ${JSON.stringify(event.output)}\n`));
          return;
        default:
          return;
      }
    },
    end() {
      closeThoughts();
      markdown?.end();
      if (started && lastCharacter !== '\n') write('\n');
    },
    interrupt() {
      closeThoughts();
      if (started && lastCharacter !== '\n') write('\n');
    },
  };
}
