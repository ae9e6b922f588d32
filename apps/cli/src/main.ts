// The `gemgate` entry point. It loads only commander: each command imports what it needs
// (clients, mock gateway, Markdown renderer) when it runs, so `--help` and `--version` start
// fast.
import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, Option } from 'commander';
import { exitCodes } from './exit-codes.js';
import { parseNumberOption } from './parse-number-option.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command('gemgate')
  .description('Gemini through the AiHubMix gateway, on the native and the OpenAI-compatible routes.')
  .version(version, '-v, --version')
  .showSuggestionAfterError()
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) });

function connectionOptions(command: Command): Command {
  return command
    .option(
      '--base-url <url>',
      'the gateway (default: AIHUBMIX_BASE_URL, config baseURL, https://aihubmix.com)',
    )
    .option(
      '--timeout <ms>',
      'give up after this many milliseconds',
      parseNumberOption({ name: '--timeout', min: 1 }),
    );
}

connectionOptions(
  program
    .command('chat')
    .description('ask once (a prompt or stdin), or chat interactively on a terminal')
    .argument('[prompt...]', 'the prompt; read from stdin when it is piped')
    .option('-m, --model <id>', 'the model id (default: config model, else gemini-2.5-flash)')
    .addOption(
      new Option(
        '--api <route>',
        'the route (default: openai for -nothink/-search ids, else native)',
      ).choices(['native', 'openai']),
    )
    .option('-s, --system <text>', 'a system instruction')
    .option(
      '-t, --temperature <n>',
      'sampling temperature',
      parseNumberOption({ name: '--temperature', min: 0, max: 2, integer: false }),
    )
    .option('--max-tokens <n>', 'cap on output tokens', parseNumberOption({ name: '--max-tokens', min: 1 }))
    .option(
      '--thinking-budget <n>',
      'thinking budget in tokens (-1 dynamic, 0 off)',
      parseNumberOption({ name: '--thinking-budget', min: -1 }),
    )
    .addOption(
      new Option('--thinking-level <level>', 'Gemini 3 thinking level').choices([
        'minimal',
        'low',
        'medium',
        'high',
        'xhigh',
      ]),
    )
    .option('--no-thinking', 'turn thinking off (budget 0)')
    .option('--show-thoughts', 'print the thought summaries, dimmed, on stderr')
    .addOption(
      new Option('--reasoning-effort <effort>', 'OpenAI route reasoning effort').choices([
        'none',
        'minimal',
        'low',
        'medium',
        'high',
        'xhigh',
      ]),
    )
    .option('-f, --file <path>', 'attach a file (repeatable)', (value: string, previous: string[] = []) => [
      ...previous,
      value,
    ])
    .addOption(
      new Option('--media-resolution <level>', 'media resolution').choices(['low', 'medium', 'high']),
    )
    .option('--code', 'let the model run code (native route); code and results printed as blocks')
    .option('--tools <module>', 'a module exporting tools made with @gemgate/tools, run in a loop')
    .option('--json', 'print the wire response (or JSONL chunks when streaming)')
    .option('--no-stream', 'wait for the whole answer')
    .option('--cache', 'answer repeated identical requests from the local response cache')
    .option('-q, --quiet', 'no stats line after the answer'),
).action(async (words: string[], _options, command: Command) => {
  const { runChat } = await import('./commands/chat.js');
  await runChat({ prompt: words.length > 0 ? words.join(' ') : undefined, options: command.opts() });
});

connectionOptions(
  program
    .command('models')
    .description('list the models the gateway offers')
    .argument('[filter]', 'only ids containing this text')
    .addOption(
      new Option('--api <route>', 'the route to ask').choices(['native', 'openai']).default('openai'),
    )
    .option('--json', 'print JSON')
    .option(
      '--details',
      "each model's context, output limit, price and deprecation, from the gateway's models API (cached for a day) and gemgate's catalog",
    )
    .option('--refresh', 'with --details, fetch the models API again even if the cached copy is fresh'),
).action(async (filter: string | undefined, _options, command: Command) => {
  const { runModels } = await import('./commands/models.js');
  await runModels({ filter, options: command.opts() });
});

connectionOptions(
  program
    .command('tokens')
    .description('count the tokens of a prompt (native countTokens)')
    .argument('[prompt...]', 'the prompt; read from stdin when it is piped')
    .option('-m, --model <id>', 'the model id (default: config model, else gemini-2.5-flash)')
    .option(
      '-f, --file <path>',
      'count a file too (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--json', 'print the wire response'),
).action(async (words: string[], _options, command: Command) => {
  const { runTokens } = await import('./commands/tokens.js');
  await runTokens({ prompt: words.length > 0 ? words.join(' ') : undefined, options: command.opts() });
});

const config = program.command('config').description('the settings file (apiKey, baseURL, appCode, model)');
config
  .command('set')
  .argument('<key>', 'apiKey, baseURL, appCode or model')
  .argument('<value>', 'the value')
  .description('store a setting (the file is readable by you only)')
  .action(async (key: string, value: string) => {
    const { runConfigSet } = await import('./commands/config.js');
    await runConfigSet({ key, value });
  });
config
  .command('get')
  .argument('[key]', 'one setting; all when omitted')
  .description('print settings (the key masked)')
  .action(async (key: string | undefined) => {
    const { runConfigGet } = await import('./commands/config.js');
    await runConfigGet({ key });
  });
config
  .command('unset')
  .argument('<key>', 'the setting to remove')
  .description('remove a setting')
  .action(async (key: string) => {
    const { runConfigUnset } = await import('./commands/config.js');
    await runConfigUnset({ key });
  });
config
  .command('path')
  .description('print where the settings file is')
  .action(async () => {
    const { runConfigPath } = await import('./commands/config.js');
    runConfigPath();
  });

program
  .command('mock')
  .description('run the offline mock gateway in the foreground until Ctrl-C')
  .option(
    '--port <n>',
    'port (0 picks a free one)',
    parseNumberOption({ name: '--port', min: 0, max: 65_535 }),
    8787,
  )
  .option('--host <host>', 'interface to bind', '127.0.0.1')
  .action(async (options: { port: number; host: string }) => {
    const { runMock } = await import('./commands/mock.js');
    await runMock(options);
  });

program
  .command('demo')
  .description('a tour of every capability of the guide, on both routes (offline without a key)')
  .option('--offline', 'use the in-process mock gateway even when AIHUBMIX_API_KEY is set')
  .action(async (options: { offline?: boolean }) => {
    const { runDemo } = await import('./commands/demo.js');
    await runDemo({ offline: options.offline ?? false });
  });

program
  .command('usage')
  .description('totals from the local usage ledger: tokens, cost, cache savings')
  .addOption(new Option('--by <grouping>', 'group by').choices(['model', 'day', 'route']).default('model'))
  .option('--json', 'print JSON')
  .action(async (options: { by: 'model' | 'day' | 'route'; json?: boolean }) => {
    const { runUsage } = await import('./commands/usage.js');
    await runUsage(options);
  });

program
  .command('cache')
  .description('the local response cache used by chat --cache')
  .addArgument(new Argument('<action>', 'stats or clear').choices(['stats', 'clear']))
  .action(async (action: 'stats' | 'clear') => {
    const { runCache } = await import('./commands/cache.js');
    await runCache({ action });
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    process.exitCode = error.exitCode === 0 ? exitCodes.success : exitCodes.usage;
    if (error.exitCode !== 0)
      process.stderr.write('Run `gemgate --help` (or `gemgate <command> --help`) for usage.\n');
  } else {
    const { reportError } = await import('./report-error.js');
    process.exitCode = reportError({ error });
  }
}
