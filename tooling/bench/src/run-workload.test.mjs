import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverWorkloads } from './discover-workloads.mjs';
import { renderTable } from './render-table.mjs';
import { median, runWorkload } from './run-workload.mjs';

describe('the bench harness', () => {
  it('runs a workload against its upstream, each driver in its own process, and reports ratios', async () => {
    const [entry] = await discoverWorkloads({ only: ['transport-json'] });
    expect(entry?.workload.name).toBe('transport-json');
    const rows = await runWorkload({ ...entry, iterations: 20, warmup: 5, repeats: 1 });
    expect(rows.map((row) => row.driver).sort()).toEqual(['@gemgate/core-transport', 'undici.request']);
    for (const row of rows) {
      expect(row.iterations).toBe(20);
      expect(row.cpuMicrosecondsPerOp).toBeGreaterThan(0);
      expect(row.wallMicrosecondsPerOp).toBeGreaterThan(0);
    }
    const baseline = rows.find((row) => row.isBaseline);
    expect(baseline?.driver).toBe('undici.request');
    expect(baseline?.ratio).toBe(1);
    const table = renderTable({ rows });
    expect(table).toMatch(/\| transport-json \| undici\.request \(baseline\) +\|/);
    expect(table).toMatch(
      /\| transport-json \| @gemgate\/core-transport +\| +[\d.]+ \| +[\d.]+ \| +[\d.]+× \| ≤ 1\.15× (met|MISSED) \| [\d :-]+ \|/,
    );
  });

  it('fails the run when a driver gives a wrong answer', async () => {
    const file = fileURLToPath(new URL('./__fixtures__/wrong-answer-workload.mjs', import.meta.url));
    const { default: workload } = await import(file);
    await expect(runWorkload({ file, workload })).rejects.toThrow(
      /Driver "wrong" failed[\s\S]*wrong answered 41/,
    );
  });

  it('refuses a workload whose baseline is not one of its drivers, before running anything', async () => {
    const file = fileURLToPath(new URL('./__fixtures__/wrong-answer-workload.mjs', import.meta.url));
    const { default: workload } = await import(file);
    await expect(runWorkload({ file, workload: { ...workload, baseline: 'rigth' } })).rejects.toThrow(
      /baseline "rigth" is not one of its drivers \(right, wrong\)/,
    );
  });

  it('takes the median of the repeats', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('the paired harness', () => {
  it('has the drivers take turns in batches and reports the median ratio of the rounds', async () => {
    const { runPairedWorkload } = await import('./run-paired-workload.mjs');
    const file = fileURLToPath(new URL('./__fixtures__/paired-workload.mjs', import.meta.url));
    const { default: workload } = await import(file);
    const rows = await runPairedWorkload({ file, workload });
    const [idle, busy] = rows;
    expect(rows.map((row) => row.driver)).toEqual(['idle', 'busy']);
    expect(idle).toMatchObject({ ratio: 1, isBaseline: true, repeats: 4, iterations: 80, paired: true });
    // Twice the CPU per call, whatever the machine's speed: well apart from 1.
    expect(busy?.ratio).toBeGreaterThan(1.5);
    expect(busy?.ratio).toBeLessThan(2.6);
    expect(busy?.met).toBe(false);
    expect(busy?.cpuMicrosecondsPerOp).toBeGreaterThan(idle?.cpuMicrosecondsPerOp ?? Infinity);
  });

  it('fails the run when a driver gives a wrong answer, naming it', async () => {
    const { runPairedWorkload } = await import('./run-paired-workload.mjs');
    const file = fileURLToPath(new URL('./__fixtures__/paired-workload.mjs', import.meta.url));
    process.env.GEMGATE_BENCH_WRONG_DRIVER = '1';
    try {
      const { default: workload } = await import(`${file}?wrong`);
      await expect(runPairedWorkload({ file, workload })).rejects.toThrow(
        /Driver "wrong" stopped[\s\S]*wrong answered 41/,
      );
    } finally {
      delete process.env.GEMGATE_BENCH_WRONG_DRIVER;
    }
  });
});

describe('the import-time harness', () => {
  it('imports each module in fresh processes and reports ratios to the baseline module', async () => {
    const { runImportWorkload } = await import('./run-import-workload.mjs');
    const rows = await runImportWorkload({
      workload: {
        name: 'import-probe',
        kind: 'import',
        baseline: 'small',
        targets: { large: 1 },
        modules: { small: 'eventsource-parser', large: 'undici' },
        repeats: 3,
      },
    });
    expect(rows.map((row) => row.driver)).toEqual(['small', 'large']);
    const [small, large] = rows;
    expect(small?.ratio).toBe(1);
    expect(small?.repeats).toBe(3);
    // undici loads dozens of modules where eventsource-parser loads one: no machine is that noisy.
    expect(large?.cpuMicrosecondsPerOp).toBeGreaterThan(small?.cpuMicrosecondsPerOp ?? Infinity);
    expect(large?.met).toBe(false);
  });
});
