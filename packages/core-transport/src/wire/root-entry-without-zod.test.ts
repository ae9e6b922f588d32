import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const source = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every module the file reaches through relative imports, and the packages it names. */
function reach(file: string, seen = new Set<string>(), packages = new Set<string>()) {
  if (seen.has(file)) return { seen, packages };
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'/gms)) {
    const target = match[1]!;
    if (target.startsWith('.')) reach(resolve(dirname(file), target.replace(/\.js$/, '.ts')), seen, packages);
    else packages.add(target);
  }
  return { seen, packages };
}

it('keeps zod out of the root entry: only the ./wire subpath needs the optional peer', () => {
  const { packages, seen } = reach(resolve(source, 'index.ts'));
  expect([...seen].some((file) => file.includes('/wire/'))).toBe(false);
  expect(packages.has('zod')).toBe(false);
  expect(reach(resolve(source, 'wire/index.ts')).packages.has('zod')).toBe(true);
});
