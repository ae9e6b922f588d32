// `pnpm bench`: runs every workload in src/workloads (or those named on the command line),
// writes results/latest.md and prints it. Options: --iterations N --warmup N --repeats N.
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { discoverWorkloads } from './discover-workloads.mjs';
import { renderTable } from './render-table.mjs';
import { runWorkload } from './run-workload.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    iterations: { type: 'string' },
    warmup: { type: 'string' },
    repeats: { type: 'string' },
    output: { type: 'string', default: new URL('../results/latest.md', import.meta.url).pathname },
  },
});

const workloads = await discoverWorkloads({ only: positionals });
if (workloads.length === 0) throw new Error(`No workload matches ${positionals.join(', ')}.`);
const rows = [];
for (const { file, workload } of workloads) {
  process.stderr.write(`bench: ${workload.name} (${Object.keys(workload.drivers).join(', ')})\n`);
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
const table = renderTable({ rows });
await mkdir(new URL('../results/', import.meta.url), { recursive: true });
await writeFile(values.output, `# gemgate benchmarks\n\n${table}`);
process.stdout.write(table);
