/**
 * The results as a markdown table: one row per workload and driver, CPU and wall time
 * per operation (medians over the repeats) and the CPU ratio to the workload's baseline.
 * Columns are padded the way the repository's formatter (biome) writes tables, so a bench
 * run never leaves a file that fails `biome check`.
 * @param {{ rows: any[], date?: Date }} options
 */
export function renderTable({ rows, date = new Date() }) {
  const header = [
    'workload',
    'driver',
    'CPU µs/op (median)',
    'wall µs/op (median)',
    'CPU ratio to baseline',
    'target',
    'measured',
  ];
  const rightAligned = [false, false, true, true, true, false, false];
  const body = rows.map((row) => [
    row.workload,
    `${row.driver}${row.isBaseline ? ' (baseline)' : ''}`,
    row.cpuMicrosecondsPerOp.toFixed(1),
    row.wallMicrosecondsPerOp.toFixed(1),
    `${row.ratio.toFixed(2)}×`,
    row.target === undefined
      ? ''
      : `≤ ${row.target.toFixed(2)}× ${row.ratio <= row.target ? 'met' : 'MISSED'}`,
    row.measuredAt ?? '',
  ]);
  return [
    `Written ${date.toISOString()} on Node ${process.version} (${process.platform} ${process.arch}); each row carries the time it was measured.`,
    'CPU is user + system time of the driver process only (the upstream runs in its own process).',
    '',
    ...tableLines({ header, body, rightAligned }),
    '',
  ].join('\n');
}

/**
 * The memory figures of `media-upload-memory.mjs` as a markdown table: peak RSS one upload adds,
 * as MiB and as a multiple of the file, and its CPU as a ratio to the floor in the same run.
 * @param {{ rows: any[], fileMegabytes: number, repeats: number, measuredAt: string }} options
 */
export function renderMemoryTable({ rows, fileMegabytes, repeats, measuredAt }) {
  const header = ['route', 'mode', 'peak RSS added (MiB)', '× file', 'CPU × floor', 'target', 'measured'];
  const rightAligned = [false, false, true, true, true, false, false];
  const body = rows.map((row) => [
    row.route,
    row.mode,
    row.peakAddedMiB.toFixed(1),
    `${row.peakToFile.toFixed(2)}×`,
    `${row.cpuToFloor.toFixed(2)}×`,
    row.mode === '@gemgate/media'
      ? `≤ 1.50× file, ≤ 1.20× CPU ${row.peakToFile <= 1.5 && row.cpuToFloor <= 1.2 ? 'met' : 'MISSED'}`
      : '',
    measuredAt,
  ]);
  return [
    `One ${fileMegabytes} MB image sent inline, each mode in a fresh process, medians of ${repeats} (\`src/media-upload-memory.mjs\`; how the peak is taken: \`src/peak-rss.mjs\`).`,
    '',
    ...tableLines({ header, body, rightAligned }),
    '',
  ].join('\n');
}

/** The lines of a markdown table, cells padded the way biome formats markdown tables. */
function tableLines({ header, body, rightAligned }) {
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...body.map((cells) => cells[column].length)),
  );
  const line = (cells) =>
    `| ${cells
      .map((cell, column) =>
        rightAligned[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
      )
      .join(' | ')} |`;
  const separator = `| ${widths
    .map((width, column) => (rightAligned[column] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width)))
    .join(' | ')} |`;
  return [line(header), separator, ...body.map(line)];
}
