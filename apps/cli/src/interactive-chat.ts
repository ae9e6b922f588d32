import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { AbortedError, addUsage, emptyUsage } from '@gemgate/core-transport';
import type { Answer } from './chat-route.js';
import type { ChatSession } from './commands/chat.js';
import { reportError } from './report-error.js';
import { colorsFor } from './terminal.js';

const help = `Commands: /reset (forget the conversation), /usage (this session's tokens), /model [id] (show or switch),
/save <file> (write the conversation as JSON), /exit (or Ctrl-D). Ctrl-C cancels an answer in flight.`;

/**
 * The interactive chat: node:readline line editing and history, slash commands, Ctrl-C cancels
 * the answer in flight (and leaves when none is), Ctrl-D leaves.
 */
export async function runInteractiveChat({
  session,
  askOne,
}: {
  session: ChatSession;
  askOne: (text: string, signal: AbortSignal) => Promise<Answer>;
}): Promise<void> {
  const colors = colorsFor({ stream: process.stdout });
  const { route } = session;
  let total = emptyUsage();
  let turns = 0;
  let inFlight: AbortController | undefined;
  const input = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
    historySize: 200,
  });
  input.setPrompt(colors.bold(colors.green('you> ')));
  process.stdout.write(
    colors.dim(`gemgate chat · ${route.model} (${route.route}) · /help for commands · Ctrl-D to leave\n`),
  );

  const closed = new Promise<void>((resolve) => input.once('close', resolve));
  input.on('SIGINT', () => {
    if (inFlight) inFlight.abort(new AbortedError('Cancelled (Ctrl-C).'));
    else input.close();
  });

  const handle = async (line: string): Promise<boolean> => {
    const text = line.trim();
    if (text === '') return true;
    if (text.startsWith('/')) {
      const [command, ...rest] = text.split(/\s+/);
      const argument = rest.join(' ');
      switch (command) {
        case '/exit':
        case '/quit':
          return false;
        case '/reset':
          route.reset();
          process.stdout.write(colors.dim('Conversation forgotten.\n'));
          return true;
        case '/usage':
          process.stdout.write(
            `${turns} turn(s): in ${total.inputTokens} · out ${total.outputTokens} · thinking ${total.reasoningTokens} · cached ${total.cachedInputTokens}\n`,
          );
          return true;
        case '/model':
          if (argument) route.model = argument;
          process.stdout.write(`model: ${route.model} (${route.route})\n`);
          return true;
        case '/save':
          if (!argument) {
            process.stdout.write('Usage: /save <file>\n');
            return true;
          }
          await writeFile(
            argument,
            `${JSON.stringify({ model: route.model, route: route.route, history: route.history() }, null, 2)}\n`,
          );
          process.stdout.write(colors.dim(`Saved to ${argument}.\n`));
          return true;
        case '/help':
          process.stdout.write(`${help}\n`);
          return true;
        default:
          process.stdout.write(`Unknown command ${command}. ${help}\n`);
          return true;
      }
    }
    inFlight = new AbortController();
    try {
      const answer = await askOne(text, inFlight.signal);
      turns += 1;
      if (answer.usage) total = addUsage(total, answer.usage);
    } catch (error) {
      if (AbortedError.isInstance(error) || inFlight.signal.aborted)
        process.stdout.write(colors.dim('(cancelled)\n'));
      else reportError({ error });
    } finally {
      inFlight = undefined;
    }
    return true;
  };

  // Lines are handled one at a time; a line typed while an answer streams waits its turn.
  let queue = Promise.resolve(true);
  input.on('line', (line) => {
    queue = queue.then(async (going) => {
      if (!going) return false;
      const keepGoing = await handle(line);
      if (keepGoing) input.prompt();
      else input.close();
      return keepGoing;
    });
  });
  input.prompt();
  await closed;
  await queue;
  process.stdout.write('\n');
}
