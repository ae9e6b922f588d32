// A paired workload with no upstream: `busy` burns about twice the CPU of `idle` per call, and
// `wrong` answers wrongly, so the paired harness can be checked on ratios and on refusals.
const spin = (microseconds) => {
  const end = process.hrtime.bigint() + BigInt(microseconds * 1000);
  while (process.hrtime.bigint() < end);
};
export default {
  name: 'paired-probe',
  description: 'Two drivers that burn a known amount of CPU per call.',
  baseline: 'idle',
  targets: { busy: 1.05 },
  paired: { batch: 20, rounds: 4, processes: 2 },
  warmup: 2,
  upstream: 'none',
  drivers: {
    idle: async () => ({ once: async () => (spin(200), 42) }),
    busy: async () => ({ once: async () => (spin(400), 42) }),
    ...(process.env.GEMGATE_BENCH_WRONG_DRIVER ? { wrong: async () => ({ once: async () => 41 }) } : {}),
  },
  check(answer, driverName) {
    if (answer !== 42) throw new Error(`${driverName} answered ${answer}`);
  },
};
