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

const entryPoints: Array<[string, () => Promise<Record<string, unknown>>]> = [
  ['@gemgate/media', () => import('../src/index.js')],
];

describe('the README lists the public exports', () => {
  it.each(entryPoints)('%s: every value exported is listed, and nothing else', async (entryPoint, load) => {
    const exported = Object.keys(await load()).sort();
    expect(await listedNames(entryPoint)).toEqual(exported);
  });
});
