/**
 * The first ```ts fenced block of a Markdown text (a README's first example), without its fences.
 * Throws when there is none: a README without a runnable first example is the defect this test
 * exists to catch.
 *
 * @example
 * ```ts
 * firstTypeScriptBlock({ markdown: '# x\n```ts\nconsole.log(1);\n```\n' }); // 'console.log(1);\n'
 * ```
 */
export function firstTypeScriptBlock({ markdown }: { markdown: string }): string {
  const match = /^```(?:ts|typescript)\r?\n([\s\S]*?)^```/m.exec(markdown);
  if (!match?.[1]) throw new Error('The README has no ```ts block: its first example is missing.');
  return match[1];
}
