import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { checkBaseline, median, minuteStamp } from './run-workload.mjs';
import { startUpstream } from './start-upstream.mjs';

const driverServer = fileURLToPath(new URL('./driver-server.mjs', import.meta.url));

/**
 * Runs a workload whose target is a small ratio (a few percent) in paired batches: each driver
 * runs in `processes` long-lived processes, all at once, and the parent has them take turns,
 * one batch of calls each per round, the order alternating. A round's ratio compares batches run
 * seconds apart, so the machine's drift (which moved whole runs by ±15% here) cancels out; the
 * rounds cycle through the processes, because one process's JIT and heap luck stays with it for
 * its whole life (one process per driver still read anywhere from 1.05x to 1.16x). The figure
 * is the median of the rounds' ratios, next to each driver's median CPU per call.
 *
 * @param {{ file: string, workload: any, batch?: number, rounds?: number, processes?: number, warmup?: number }} options
 */
export async function runPairedWorkload({
  file,
  workload,
  batch = workload.paired.batch,
  rounds = workload.paired.rounds,
  processes = workload.paired.processes ?? 1,
  warmup,
}) {
  checkBaseline({ workload });
  const upstream = await startUpstream({ kind: workload.upstream });
  const names = Object.keys(workload.drivers);
  /** `groups[index]` holds one process of every driver. */
  const groups = [];
  try {
    for (let index = 0; index < Math.max(1, processes); index++) {
      const group = [];
      groups.push(group);
      for (const name of names) {
        group.push(await startDriverServer({ file, driver: name, upstreamURL: upstream.url, warmup }));
      }
    }
    const batches = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < Math.max(1, rounds); round++) {
      const group = groups[round % groups.length];
      const order = Math.floor(round / groups.length) % 2 === 1 ? [...group].reverse() : group;
      for (const server of order) batches[server.driver].push(await server.run(batch));
    }
    const baselineBatches = batches[workload.baseline];
    const measuredAt = minuteStamp();
    return names.map((driver) => {
      const runs = batches[driver];
      const ratio = median(
        runs.map((run, round) => run.cpuMicroseconds / baselineBatches[round].cpuMicroseconds),
      );
      const target = workload.targets?.[driver];
      return {
        workload: workload.name,
        driver,
        iterations: batch * runs.length,
        cpuMicrosecondsPerOp: median(runs.map((run) => run.cpuMicroseconds / run.iterations)),
        wallMicrosecondsPerOp: median(runs.map((run) => run.wallMicroseconds / run.iterations)),
        repeats: runs.length,
        paired: true,
        measuredAt,
        ratio,
        isBaseline: driver === workload.baseline,
        target,
        met: target === undefined ? undefined : ratio <= target,
      };
    });
  } finally {
    await Promise.all(groups.flat().map((server) => server.close()));
    await upstream.stop();
  }
}

async function startDriverServer({ file, driver, upstreamURL, warmup }) {
  const child = spawn(
    process.execPath,
    ['--expose-gc', driverServer, file, driver, upstreamURL ?? '-', String(warmup ?? '-')],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const nextLine = async () => {
    const result = await Promise.race([lines.next(), exited.then(() => ({ done: true }))]);
    if (result.done) throw new Error(`Driver "${driver}" stopped (exit ${child.exitCode}):\n${stderr}`);
    return result.value;
  };
  const ready = await nextLine();
  if (ready !== 'ready')
    throw new Error(`Driver "${driver}" printed "${ready}" instead of ready:\n${stderr}`);
  return {
    driver,
    async run(iterations) {
      child.stdin.write(`run ${iterations}\n`);
      const line = await nextLine();
      try {
        return JSON.parse(line);
      } catch {
        throw new Error(`Driver "${driver}" printed no figures; its line was: ${line}`);
      }
    },
    async close() {
      if (child.exitCode !== null) return;
      child.stdin.end('close\n');
      await exited;
    },
  };
}
