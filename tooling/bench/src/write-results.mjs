// results/latest.md holds two tables: the CPU rows of `run-bench.mjs` (latest.json) and the
// memory rows of `media-upload-memory.mjs` (memory.json). Either script rewrites the page with
// the other's last figures kept.
import { readFile, writeFile } from 'node:fs/promises';
import { renderMemoryTable, renderTable } from './render-table.mjs';
import { minuteStamp } from './run-workload.mjs';

const resultsDirectory = new URL('../results/', import.meta.url);

async function readJson(url) {
  return readFile(url, 'utf8')
    .then((text) => JSON.parse(text))
    .catch(() => undefined);
}

/**
 * The whole results page.
 * @param {{ cpuRows: any[], memory: any }} options
 */
export function renderResultsPage({ cpuRows, memory }) {
  let page = `# gemgate benchmarks\n\n${renderTable({ rows: cpuRows })}`;
  if (memory) page += `\n## Peak memory of a large inline upload\n\n${renderMemoryTable(memory)}`;
  return page;
}

/** The memory figures last written by `media-upload-memory.mjs`, if any. */
export function readMemoryResults() {
  return readJson(new URL('memory.json', resultsDirectory));
}

/** Keeps one run of `media-upload-memory.mjs` and rewrites results/latest.md around it. */
export async function writeMemoryResults({ rows, fileMegabytes, repeats }) {
  const memory = { fileMegabytes, repeats, measuredAt: minuteStamp(), rows };
  await writeFile(new URL('memory.json', resultsDirectory), `${JSON.stringify(memory, null, 2)}\n`);
  const cpuRows = (await readJson(new URL('latest.json', resultsDirectory))) ?? [];
  await writeFile(new URL('latest.md', resultsDirectory), renderResultsPage({ cpuRows, memory }));
}
