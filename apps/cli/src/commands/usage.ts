/** `gemgate usage [--by model|day|route]`: the local ledger's totals, cost and cache savings. */
export async function runUsage({
  by,
  json,
}: {
  by: 'model' | 'day' | 'route';
  json?: boolean;
}): Promise<void> {
  const { usageReport } = await import('../usage-cache-adapter.js');
  const report = await usageReport({ by });
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  if (report.calls === 0) {
    process.stdout.write('No calls recorded yet: `gemgate chat` records every call in the local ledger.\n');
    return;
  }
  const rows = [[by, 'calls', 'in', 'out', 'thinking', 'cached', 'cost USD']];
  for (const [name, totals] of Object.entries(report.totals)) {
    const usage = totals.usage;
    rows.push([
      name,
      String(totals.calls),
      String(usage.inputTokens),
      String(usage.outputTokens),
      String(usage.reasoningTokens),
      String(usage.cachedInputTokens),
      `${totals.costUsd.toFixed(6)}${totals.callsWithoutCost > 0 ? ` (+${totals.callsWithoutCost} unpriced)` : ''}`,
    ]);
  }
  process.stdout.write(table({ rows }));
  let savings = 0;
  for (const figures of Object.values(report.implicitCache)) savings += figures.savingsUsd ?? 0;
  process.stdout.write(
    `\nImplicit cache savings: ~$${savings.toFixed(6)} · response cache hits: ${report.responseCacheHits} of ${report.calls} calls\n`,
  );
}

/** Left-aligned columns, two spaces apart. */
export function table({ rows }: { rows: string[][] }): string {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows
    .map(
      (row) =>
        `${row
          .map((cell, column) => cell.padEnd(widths[column] ?? 0))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}
