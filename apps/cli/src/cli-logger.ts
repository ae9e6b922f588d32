/**
 * The clients' logger in the CLI: each warning one line on stderr, debug lines dropped. A
 * spinner on screen needs no help: ora clears itself around any write to stderr.
 */
export const cliLogger = {
  debug: (): void => {},
  warn: (message: string): void => {
    process.stderr.write(`gemgate: warning: ${message}\n`);
  },
};
