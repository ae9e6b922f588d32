/** What the logger needs of the spinner on screen. */
interface Spinner {
  readonly isSpinning: boolean;
  clear(): unknown;
  render(): unknown;
}

let shown: Spinner | undefined;

/**
 * Notes the spinner on screen, so a warning printed while it spins clears it first and draws it
 * again after: written across it, the warning would leave a spinner line behind for good.
 */
export function showSpinner(spinner: Spinner): void {
  shown = spinner;
}

/** The clients' logger in the CLI: warnings on stderr, one line each, spinner-aware; debug lines dropped. */
export const cliLogger = {
  debug: (): void => {},
  warn: (message: string): void => {
    const spinner = shown?.isSpinning ? shown : undefined;
    spinner?.clear();
    process.stderr.write(`gemgate: warning: ${message}\n`);
    spinner?.render();
  },
};
