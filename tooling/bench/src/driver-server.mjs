// One driver of one workload, kept running so a parent can time it in batches beside another
// driver's process (`run-paired-workload.mjs`). Warms up, prints `ready`, then for each line
// `run N` on stdin runs N calls and prints one JSON line with their CPU and wall time; answers
// are checked after the clock stops. `close` (or the end of stdin) closes the driver and exits.
// Usage: node --expose-gc driver-server.mjs <workload file> <driver name> <upstream URL | -> <warmup | ->
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { timeCalls } from './time-calls.mjs';

const [workloadFile, driverName, upstreamArgument, warmupArgument] = process.argv.slice(2);
const upstreamURL = upstreamArgument === '-' ? undefined : upstreamArgument;
const { default: workload } = await import(pathToFileURL(workloadFile).href);
const makeDriver = workload.drivers[driverName];
if (!makeDriver) throw new Error(`Workload ${workload.name} has no driver "${driverName}".`);
const warmup = Number(warmupArgument && warmupArgument !== '-' ? warmupArgument : workload.warmup);

const driver = await makeDriver({ upstreamURL });
for (let index = 0; index < warmup; index++) workload.check(await driver.once(), driverName);
globalThis.gc?.();
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  const [command, count] = line.trim().split(' ');
  if (command === 'close') break;
  if (command !== 'run') throw new Error(`Unknown command "${line}": send "run N" or "close".`);
  const figures = await timeCalls({
    driver,
    iterations: Number(count),
    check: (answer) => workload.check(answer, driverName),
  });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
await driver.close?.();
