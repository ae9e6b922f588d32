import { AbortedError, InvalidArgumentError, type Middleware, type Usage } from '@gemgate/core-transport';
import { createAnswerPrinter } from '../answer-printer.js';
import { type Answer, type ChatRequestSettings, type ChatRoute, routeOfModel } from '../chat-route.js';
import { exitCodes } from '../exit-codes.js';
import { formatStats } from '../format-stats.js';
import { readStdin } from '../read-stdin.js';
import { resolveSettings, type Settings } from '../resolve-settings.js';
import { colorsFor } from '../terminal.js';

/** The flags of `gemgate chat`, as commander parses them. */
export interface ChatOptions {
  model?: string;
  api?: 'native' | 'openai';
  system?: string;
  temperature?: number;
  maxTokens?: number;
  thinkingBudget?: number;
  thinkingLevel?: string;
  thinking?: boolean;
  showThoughts?: boolean;
  reasoningEffort?: string;
  file?: string[];
  mediaResolution?: 'low' | 'medium' | 'high';
  code?: boolean;
  tools?: string;
  json?: boolean;
  stream?: boolean;
  cache?: boolean;
  quiet?: boolean;
  baseUrl?: string;
  timeout?: number;
}

/** A conversation and everything a turn needs. */
export interface ChatSession {
  route: ChatRoute;
  settings: Settings;
  options: ChatOptions;
  middleware: Middleware[];
  attachments: unknown[];
  costOf: (options: { usage: Usage; model: string }) => number | undefined;
  fromCache: () => boolean;
}

/** `gemgate chat [prompt]`: one answer for a prompt or piped stdin, else an interactive chat. */
export async function runChat({
  prompt,
  options,
}: {
  prompt: string | undefined;
  options: ChatOptions;
}): Promise<void> {
  checkFlagCombinations({ options });
  const settings = await resolveSettings({ baseURL: options.baseUrl, model: options.model });
  const routeName = options.api ?? routeOfModel({ model: settings.model });
  if (options.code && routeName !== 'native') {
    throw new InvalidArgumentError(
      '--code runs on the native route: drop --api openai (or use a model id without -nothink/-search).',
      {
        argument: '--code',
      },
    );
  }
  const { ledgerMiddleware, responseCacheMiddleware, costEstimator, lastAnswerFromCache } = await import(
    '../usage-cache-adapter.js'
  );
  const middleware: Middleware[] = [await ledgerMiddleware()];
  if (options.cache) middleware.push(await responseCacheMiddleware());
  const requestSettings: ChatRequestSettings = {
    model: settings.model,
    system: options.system,
    temperature: options.temperature,
    maxTokens: options.maxTokens,
    thinkingBudget: options.thinkingBudget,
    thinkingLevel: options.thinkingLevel,
    thinking: options.thinking,
    showThoughts: options.showThoughts,
    reasoningEffort: options.reasoningEffort,
    mediaResolution: options.mediaResolution,
    code: options.code,
  };
  const attachments =
    options.file && options.file.length > 0
      ? await (await import('../media-adapter.js')).attachmentsOf({
          paths: options.file,
          route: routeName,
          mediaResolution: options.mediaResolution,
        })
      : [];
  if (attachments.length > 0) middleware.push((await import('../media-adapter.js')).mediaLimitsMiddleware());
  const route =
    routeName === 'native'
      ? (await import('../native-route.js')).createNativeRoute({
          env: settings.env,
          settings: requestSettings,
          timeout: options.timeout,
          middleware,
        })
      : (await import('../openai-route.js')).createOpenAIRoute({
          env: settings.env,
          settings: requestSettings,
          timeout: options.timeout,
          middleware,
        });
  const session: ChatSession = {
    route,
    settings,
    options,
    middleware,
    attachments,
    costOf: await costEstimator(),
    fromCache: lastAnswerFromCache,
  };
  try {
    if (options.tools) {
      const text = prompt ?? (await readStdin());
      await (await import('../tools-adapter.js')).runToolsTurn({ session, text, modulePath: options.tools });
      return;
    }
    if (prompt === undefined && process.stdin.isTTY) {
      const { runInteractiveChat } = await import('../interactive-chat.js');
      // Files given with --file go with the first message only; history keeps them after that.
      let pending: readonly unknown[] = attachments;
      await runInteractiveChat({
        session,
        askOne: (text: string, signal: AbortSignal) => {
          const sent = pending;
          pending = [];
          return askOne({ session, text, signal, attachments: sent });
        },
      });
      return;
    }
    const text = prompt ?? (await readStdin());
    if (text.trim() === '' && attachments.length === 0) {
      throw new InvalidArgumentError('No prompt: pass one (`gemgate chat "Hello"`) or pipe it on stdin.', {
        argument: 'prompt',
      });
    }
    const controller = new AbortController();
    let interrupts = 0;
    const onSigint = () => {
      interrupts += 1;
      // A second Ctrl-C leaves at once, whatever is still closing.
      if (interrupts > 1) process.exit(exitCodes.interrupted);
      controller.abort(new AbortedError('Interrupted (Ctrl-C).'));
    };
    process.on('SIGINT', onSigint);
    try {
      await askOne({ session, text, signal: controller.signal, attachments });
    } finally {
      process.off('SIGINT', onSigint);
    }
  } finally {
    await route.close();
  }
}

/**
 * One turn: spinner until the first token, the answer as it arrives, then the stats line on
 * stderr. Rejects with the client's error; a Ctrl-C rejects with `AbortedError` after ending
 * the half-written line.
 */
export async function askOne({
  session,
  text,
  signal,
  attachments,
}: {
  session: ChatSession;
  text: string;
  signal: AbortSignal;
  attachments: readonly unknown[];
}): Promise<Answer> {
  const { options, route } = session;
  const json = options.json ?? false;
  const stream = options.stream ?? true;
  const spinner = process.stderr.isTTY && !json ? await startSpinner() : undefined;
  const printer = await createAnswerPrinter({
    json,
    stream,
    showThoughts: options.showThoughts ?? false,
    onFirstOutput: () => spinner?.stop(),
  });
  const started = performance.now();
  try {
    const answer = await route.send({
      text,
      attachments,
      stream,
      signal,
      onEvent: (event) => printer.onEvent(event),
    });
    spinner?.stop();
    printer.end();
    if (!options.quiet && !json) {
      const latencyMs = performance.now() - started;
      const costUsd = answer.usage ? session.costOf({ usage: answer.usage, model: route.model }) : undefined;
      const line = formatStats({
        usage: answer.usage,
        costUsd,
        cacheHit: answer.cacheHit || session.fromCache(),
        latencyMs,
        route: route.route,
        model: route.model,
      });
      process.stderr.write(`${colorsFor({ stream: process.stderr }).dim(line)}\n`);
    }
    return answer;
  } catch (error) {
    spinner?.stop();
    printer.interrupt();
    if (signal.aborted)
      throw signal.reason instanceof Error ? signal.reason : new AbortedError('Interrupted.');
    throw error;
  }
}

async function startSpinner() {
  const { default: ora } = await import('ora');
  // Only ever started on a terminal (see `askOne`); ora on its own would also switch itself off
  // whenever CI is set and print its text as a line that is never cleared.
  return ora({
    text: 'waiting for the first token',
    stream: process.stderr,
    discardStdin: false,
    isEnabled: true,
  }).start();
}

function checkFlagCombinations({ options }: { options: ChatOptions }): void {
  if (options.thinking === false && options.thinkingBudget !== undefined) {
    throw new InvalidArgumentError('--no-thinking and --thinking-budget contradict each other: keep one.', {
      argument: '--no-thinking',
    });
  }
  if (options.thinkingLevel !== undefined && options.thinkingBudget !== undefined) {
    throw new InvalidArgumentError(
      '--thinking-level and --thinking-budget cannot be sent together: keep one.',
      {
        argument: '--thinking-level',
      },
    );
  }
  if (options.json && options.tools) {
    throw new InvalidArgumentError('--json and --tools do not go together yet: drop --json.', {
      argument: '--json',
    });
  }
}
