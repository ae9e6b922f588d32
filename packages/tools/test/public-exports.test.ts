import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/** The README's "Public exports" line for one entry point: the names it lists, in order. */
async function listedNames(entryPoint: string): Promise<string[]> {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Public exports'));
  const line = section.split('\n').find((candidate) => candidate.startsWith(`- \`${entryPoint}\`:`));
  if (line === undefined) throw new Error(`README.md lists no exports for ${entryPoint}`);
  return [...line.slice(line.indexOf(':') + 1).matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

describe('the README lists the public exports', () => {
  it('@gemgate/tools: every value exported is listed, and nothing else', async () => {
    const exported = Object.keys(await import('../src/index.js')).sort();
    expect(await listedNames('@gemgate/tools')).toEqual(exported);
  });
});
