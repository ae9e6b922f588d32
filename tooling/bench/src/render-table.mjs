/**
 * The results as a markdown table: one row per workload and driver, CPU and wall time
 * per operation (medians over the repeats) and the CPU ratio to the workload's baseline.
 * @param {{ rows: any[], date?: Date }} options
 */
export function renderTable({ rows, date = new Date() }) {
  const lines = [
    `Written ${date.toISOString()} on Node ${process.version} (${process.platform} ${process.arch}); each row carries the time it was measured.`,
    'CPU is user + system time of the driver process only (the upstream runs in its own process).',
    '',
    '| workload | driver | CPU µs/op (median) | wall µs/op (median) | CPU ratio to baseline | target | measured |',
    '| --- | --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const row of rows) {
    const target =
      row.target === undefined
        ? ''
        : `≤ ${row.target.toFixed(2)}× ${row.ratio <= row.target ? 'met' : 'MISSED'}`;
    lines.push(
      `| ${row.workload} | ${row.driver}${row.isBaseline ? ' (baseline)' : ''} | ${row.cpuMicrosecondsPerOp.toFixed(1)} | ${row.wallMicrosecondsPerOp.toFixed(1)} | ${row.ratio.toFixed(2)}× | ${target} | ${row.measuredAt ?? ''} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
