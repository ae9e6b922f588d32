import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { median, minuteStamp } from './run-workload.mjs';

const run = promisify(execFile);
const importHost = fileURLToPath(new URL('./import-host.mjs', import.meta.url));

/**
 * Runs an import-time workload: each module imported `repeats` times, each time in a fresh
 * process, modules interleaved; the rows carry the median CPU and wall time of one import and
 * the ratio of each module's CPU to the baseline module's, measured in the same run.
 *
 * @param {{ workload: any, repeats?: number }} options
 */
export async function runImportWorkload({ workload, repeats = workload.repeats }) {
  const names = Object.keys(workload.modules);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (let repeat = 0; repeat < Math.max(1, repeats); repeat++) {
    const order = repeat % 2 === 1 ? [...names].reverse() : names;
    for (const name of order) {
      const { stdout } = await run(process.execPath, [importHost, workload.modules[name]]);
      runs[name].push(JSON.parse(stdout.trim().split('\n').at(-1)));
    }
  }
  const rows = names.map((name) => ({
    workload: workload.name,
    driver: name,
    iterations: 1,
    cpuMicrosecondsPerOp: median(runs[name].map((result) => result.cpuMicroseconds)),
    wallMicrosecondsPerOp: median(runs[name].map((result) => result.wallMicroseconds)),
    repeats: runs[name].length,
    measuredAt: minuteStamp(),
  }));
  const baseline = rows.find((row) => row.driver === workload.baseline);
  for (const row of rows) {
    row.ratio = row.cpuMicrosecondsPerOp / baseline.cpuMicrosecondsPerOp;
    row.isBaseline = row.driver === workload.baseline;
    row.target = workload.targets?.[row.driver];
    // Machine-readable verdict beside the ratio, for whoever reads results/latest.json.
    row.met = row.target === undefined ? undefined : row.ratio <= row.target;
  }
  return rows;
}
