// `pnpm bench`: runs every workload in src/workloads (or those named on the command line),
// writes results/latest.md and results/latest.json and prints the table. Options: --iterations N
// --warmup N --repeats N --output FILE.md. `--smoke` runs every driver a few times with every
// answer checked and writes nothing: the test run uses it to prove the bench still works,
// without measuring anything on a busy machine.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { discoverWorkloads } from './discover-workloads.mjs';
import { renderTable } from './render-table.mjs';
import { runImportWorkload } from './run-import-workload.mjs';
import { runPairedWorkload } from './run-paired-workload.mjs';
import { runWorkload } from './run-workload.mjs';
import { readMemoryResults, renderResultsPage } from './write-results.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    iterations: { type: 'string' },
    warmup: { type: 'string' },
    repeats: { type: 'string' },
    output: { type: 'string', default: new URL('../results/latest.md', import.meta.url).pathname },
    smoke: { type: 'boolean', default: false },
  },
});
if (values.smoke) {
  values.iterations ??= '3';
  values.warmup ??= '1';
  values.repeats ??= '1';
}

const workloads = await discoverWorkloads({ only: positionals });
if (workloads.length === 0) throw new Error(`No workload matches ${positionals.join(', ')}.`);
const rows = [];
for (const { file, workload } of workloads) {
  if (workload.kind === 'import') {
    process.stderr.write(`bench: ${workload.name} (${Object.keys(workload.modules).join(', ')})\n`);
    const repeats = values.repeats === undefined ? workload.repeats : Number(values.repeats);
    rows.push(...(await runImportWorkload({ workload, repeats })));
    continue;
  }
  process.stderr.write(`bench: ${workload.name} (${Object.keys(workload.drivers).join(', ')})\n`);
  if (workload.paired) {
    rows.push(
      ...(await runPairedWorkload({
        file,
        workload,
        ...(values.smoke ? { batch: 3, rounds: 1, processes: 1 } : {}),
        ...(values.repeats === undefined || values.smoke ? {} : { rounds: Number(values.repeats) }),
        warmup: values.warmup === undefined ? undefined : Number(values.warmup),
      })),
    );
    continue;
  }
  rows.push(
    ...(await runWorkload({
      file,
      workload,
      iterations: values.iterations === undefined ? undefined : Number(values.iterations),
      warmup: values.warmup === undefined ? undefined : Number(values.warmup),
      repeats: values.repeats === undefined ? workload.repeats : Number(values.repeats),
    })),
  );
}
if (values.smoke) {
  process.stdout.write(
    `bench smoke: ${rows.length} rows from ${workloads.length} workloads, every answer checked\n`,
  );
  process.exit(0);
}
await mkdir(new URL('../results/', import.meta.url), { recursive: true });
// A run of some workloads keeps the other workloads' rows from the previous run, so
// helpers adding rows one workload at a time do not erase each other's figures.
const rowsFile = values.output.replace(/\.md$/, '.json');
const previous = await readFile(rowsFile, 'utf8')
  .then((text) => JSON.parse(text))
  .catch(() => []);
const ranNow = new Set(rows.map((row) => row.workload));
const merged = [...previous.filter((row) => !ranNow.has(row.workload)), ...rows].sort((left, right) =>
  left.workload.localeCompare(right.workload),
);
await writeFile(rowsFile, `${JSON.stringify(merged, null, 2)}\n`);
await writeFile(values.output, renderResultsPage({ cpuRows: merged, memory: await readMemoryResults() }));
process.stdout.write(renderTable({ rows }));
