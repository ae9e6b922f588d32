// Runs one driver of one workload in a fresh process: warm up, measure CPU and wall time
// over the iterations, check every answer, print one JSON line with the figures.
// Usage: node --expose-gc driver-host.mjs <workload file> <driver name> <upstream URL | ->
import { pathToFileURL } from 'node:url';
import { timeCalls } from './time-calls.mjs';

const [workloadFile, driverName, upstreamArgument, iterationsArgument, warmupArgument] =
  process.argv.slice(2);
const upstreamURL = upstreamArgument === '-' ? undefined : upstreamArgument;
const { default: workload } = await import(pathToFileURL(workloadFile).href);
const makeDriver = workload.drivers[driverName];
if (!makeDriver) throw new Error(`Workload ${workload.name} has no driver "${driverName}".`);
const iterations = Number(
  iterationsArgument && iterationsArgument !== '-' ? iterationsArgument : workload.iterations,
);
const warmup = Number(warmupArgument && warmupArgument !== '-' ? warmupArgument : workload.warmup);

const driver = await makeDriver({ upstreamURL });
for (let index = 0; index < warmup; index++) workload.check(await driver.once(), driverName);

globalThis.gc?.();
const { cpuMicroseconds, wallMicroseconds } = await timeCalls({
  driver,
  iterations,
  check: (answer) => workload.check(answer, driverName),
});
await driver.close?.();

process.stdout.write(
  `${JSON.stringify({
    workload: workload.name,
    driver: driverName,
    iterations,
    cpuMicrosecondsPerOp: cpuMicroseconds / iterations,
    wallMicrosecondsPerOp: wallMicroseconds / iterations,
  })}\n`,
);
