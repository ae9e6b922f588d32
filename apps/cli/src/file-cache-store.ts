import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CacheStore } from '@gemgate/usage-cache';

/**
 * A response-cache store that outlives the process: one owner-only JSON file per key in
 * `directory`, so a second `gemgate chat --cache` run finds the first one's answer.
 */
export function fileCacheStore({
  directory,
  now = Date.now,
}: {
  directory: string;
  now?: () => number;
}): CacheStore {
  const fileOf = (key: string) => join(directory, `${createHash('sha256').update(key).digest('hex')}.json`);
  return {
    inProcess: true,
    async get({ key }) {
      try {
        const entry = JSON.parse(await readFile(fileOf(key), 'utf8')) as { value: string; expiresAt: number };
        if (entry.expiresAt <= now()) return undefined;
        return entry.value;
      } catch {
        return undefined;
      }
    },
    async set({ key, value, ttlMs }) {
      await mkdir(directory, { recursive: true, mode: 0o700 });
      await writeFile(fileOf(key), JSON.stringify({ value, expiresAt: now() + ttlMs }), { mode: 0o600 });
    },
    async delete({ key }) {
      await rm(fileOf(key), { force: true });
    },
  };
}

/** How many answers the store holds and their size on disk. */
export async function fileCacheFigures({
  directory,
}: {
  directory: string;
}): Promise<{ entries: number; bytes: number }> {
  let names: string[];
  try {
    names = (await readdir(directory)).filter((name) => name.endsWith('.json'));
  } catch {
    return { entries: 0, bytes: 0 };
  }
  let bytes = 0;
  for (const name of names) bytes += (await stat(join(directory, name))).size;
  return { entries: names.length, bytes };
}

/** Empties the store. */
export async function clearFileCache({ directory }: { directory: string }): Promise<void> {
  await rm(directory, { recursive: true, force: true });
}
