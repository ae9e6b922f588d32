// marked-terminal ships no types and @types/marked-terminal is not installed: only what the CLI
// calls is declared.
declare module 'marked-terminal' {
  export function markedTerminal(
    options?: Record<string, unknown>,
    highlightOptions?: Record<string, unknown>,
  ): unknown;
}
