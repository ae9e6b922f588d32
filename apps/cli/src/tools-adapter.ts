// Everything the CLI takes from @gemgate/tools goes through this file, so a change of that
// package's API is a fix here only.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidArgumentError } from '@gemgate/core-transport';
import { type AnyTool, runTools, type ToolRunStream } from '@gemgate/tools';
import { createAnswerPrinter } from './answer-printer.js';
import type { ChatSession } from './commands/chat.js';
import { formatStats } from './format-stats.js';
import { colorsFor } from './terminal.js';

/**
 * Loads the tools a module exports: its default export (a tool or a list of them), a `tools`
 * export, or every export that is a tool.
 */
export async function loadTools({ modulePath }: { modulePath: string }): Promise<AnyTool[]> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(resolve(modulePath)).href)) as Record<string, unknown>;
  } catch (error) {
    throw new InvalidArgumentError(
      `--tools ${modulePath} could not be loaded (${error instanceof Error ? error.message : String(error)}): pass a JavaScript module exporting tools made with defineTool from @gemgate/tools.`,
      { argument: '--tools' },
    );
  }
  const candidates = [loaded.default, loaded.tools, ...Object.values(loaded)].flatMap((value) =>
    Array.isArray(value) ? value : [value],
  );
  const tools = [...new Set(candidates.filter(isTool))];
  if (tools.length === 0) {
    throw new InvalidArgumentError(
      `--tools ${modulePath} exports no tool: export tools made with defineTool from @gemgate/tools.`,
      {
        argument: '--tools',
      },
    );
  }
  return tools;
}

function isTool(value: unknown): value is AnyTool {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { execute?: unknown }).execute === 'function' &&
    'declaration' in value
  );
}

/** Runs `text` through the tool loop, showing each call and result on stderr and the answer on stdout. */
export async function runToolsTurn({
  session,
  text,
  modulePath,
}: {
  session: ChatSession;
  text: string;
  modulePath: string;
}): Promise<void> {
  const tools = await loadTools({ modulePath });
  const { route, options } = session;
  const printer = await createAnswerPrinter({
    json: false,
    stream: true,
    showThoughts: options.showThoughts ?? false,
  });
  const started = performance.now();
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const run = runTools({
      client: route.client,
      model: route.model,
      input: text,
      tools,
      stream: true,
      signal: controller.signal,
    }) as ToolRunStream;
    for await (const event of run) {
      if (event.type === 'text-delta') printer.onEvent({ type: 'text', text: event.text });
      else if (event.type === 'thought-delta') printer.onEvent({ type: 'thought', text: event.text });
      else if (event.type === 'tool-call')
        printer.onEvent({ type: 'tool-call', name: event.call.name, arguments: event.call.arguments });
      else if (event.type === 'tool-result')
        printer.onEvent({ type: 'tool-result', name: event.result.name, output: event.result.output });
    }
    const result = await run.result;
    printer.end();
    if (!options.quiet) {
      const line = formatStats({
        usage: result.usage,
        costUsd: session.costOf({ usage: result.usage, model: route.model }),
        cacheHit: false,
        latencyMs: performance.now() - started,
        route: `${route.route}, ${result.steps.length} step(s)`,
        model: route.model,
      });
      process.stderr.write(`${colorsFor({ stream: process.stderr }).dim(line)}\n`);
    }
  } catch (error) {
    printer.interrupt();
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
