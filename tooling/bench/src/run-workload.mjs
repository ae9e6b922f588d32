import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startUpstream } from './start-upstream.mjs';

const driverHost = fileURLToPath(new URL('./driver-host.mjs', import.meta.url));

/**
 * Runs every driver of one workload `repeats` times, each run in its own process, drivers
 * interleaved so that drift in the machine's speed hits all of them alike; returns the
 * median figures per driver and the ratio of each to the baseline measured in the same run.
 *
 * @param {{ file: string, workload: any, iterations?: number, warmup?: number, repeats?: number }} options
 */
export async function runWorkload({ file, workload, iterations, warmup, repeats = workload.repeats }) {
  checkBaseline({ workload });
  const upstream = await startUpstream({ kind: workload.upstream });
  try {
    const runs = Object.fromEntries(Object.keys(workload.drivers).map((name) => [name, []]));
    for (let repeat = 0; repeat < Math.max(1, repeats); repeat++) {
      const names = Object.keys(workload.drivers);
      // Alternate the order on each repeat: the first driver of a run tends to pay for a colder machine.
      if (repeat % 2 === 1) names.reverse();
      for (const name of names) {
        runs[name].push(
          await runDriver({ file, driver: name, upstreamURL: upstream.url, iterations, warmup }),
        );
      }
    }
    const rows = Object.entries(runs).map(([driver, results]) => ({
      workload: workload.name,
      driver,
      iterations: results[0].iterations,
      cpuMicrosecondsPerOp: median(results.map((result) => result.cpuMicrosecondsPerOp)),
      wallMicrosecondsPerOp: median(results.map((result) => result.wallMicrosecondsPerOp)),
      repeats: results.length,
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
  } finally {
    await upstream.stop();
  }
}

function runDriver({ file, driver, upstreamURL, iterations, warmup }) {
  // '-' leaves the workload's own figure in force.
  const args = [
    '--expose-gc',
    driverHost,
    file,
    driver,
    upstreamURL ?? '-',
    String(iterations ?? '-'),
    String(warmup ?? '-'),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => {
      const line = stdout.trim().split('\n').at(-1);
      if (code !== 0 || !line) {
        reject(new Error(`Driver "${driver}" failed (exit ${code}):\n${stderr || stdout}`));
        return;
      }
      // A driver that prints to stdout would otherwise throw here, outside any promise.
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`Driver "${driver}" printed no figures; its last line was: ${line}`));
      }
    });
  });
}

/**
 * Checked before anything runs: a misspelt baseline would otherwise fail only after every
 * driver has run.
 */
export function checkBaseline({ workload }) {
  if (!Object.hasOwn(workload.drivers, workload.baseline)) {
    throw new Error(
      `Workload ${workload.name}: baseline "${workload.baseline}" is not one of its drivers (${Object.keys(workload.drivers).join(', ')}).`,
    );
  }
}

/** The time a row was measured, to the minute, as the results table shows it. */
export function minuteStamp() {
  return new Date().toISOString().slice(0, 16).replace('T', ' ');
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
