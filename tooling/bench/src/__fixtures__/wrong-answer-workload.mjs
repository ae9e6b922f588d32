// A workload whose driver answers wrongly: the harness must refuse to report a figure for it.
export default {
  name: 'wrong-answer',
  description: 'A driver that returns the wrong answer.',
  baseline: 'right',
  iterations: 5,
  warmup: 0,
  repeats: 1,
  upstream: 'none',
  drivers: {
    right: async () => ({ once: async () => 42 }),
    wrong: async () => ({ once: async () => 41 }),
  },
  check(answer, driverName) {
    if (answer !== 42) throw new Error(`${driverName} answered ${answer}`);
  },
};
