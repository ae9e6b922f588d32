import { addUsage, emptyUsage, type Usage } from '@gemgate/core-transport';

/** A call's usage with what it can be grouped by; a `LedgerRecord` fits as it is. */
export interface UsageEntry {
  /** ISO time of the call. */
  time: string;
  model: string | undefined;
  route: 'native' | 'openai' | undefined;
  keyId: string | undefined;
  usage: Usage | undefined;
  /** US dollars, `undefined` when unknown. */
  costUsd?: number | undefined;
}

/** What usage can be grouped by: `day` is the UTC date of `time`. */
export type UsageGrouping = 'model' | 'route' | 'keyId' | 'day';

/** The sums of one group. */
export interface UsageTotals {
  calls: number;
  usage: Usage;
  /** Summed over the calls whose cost is known. */
  costUsd: number;
  /** Calls whose cost is unknown (a model missing from the price table): `costUsd` leaves them out. */
  callsWithoutCost: number;
}

/**
 * Sums usage and cost, by group (`model`, `route`, `keyId` or `day`, the UTC date) or all
 * together when `by` is left out (one group named `all`). Calls without a value for the
 * grouping are under `unknown`.
 *
 * @example
 * ```ts
 * import { summarizeUsage } from '@gemgate/usage-cache';
 * const byModel = summarizeUsage({ entries: ledgerRecords, by: 'model' });
 * byModel['gemini-2.5-flash']?.usage.outputTokens;
 * ```
 */
export function summarizeUsage({
  entries,
  by,
}: {
  entries: Iterable<UsageEntry>;
  by?: UsageGrouping | undefined;
}): Record<string, UsageTotals> {
  const groups: Record<string, UsageTotals> = {};
  const costSums = new Map<UsageTotals, CompensatedSum>();
  for (const entry of entries) {
    const name = groupOf({ entry, by });
    let totals = groups[name];
    if (!totals) {
      totals = { calls: 0, usage: emptyUsage(), costUsd: 0, callsWithoutCost: 0 };
      groups[name] = totals;
      costSums.set(totals, { sum: 0, error: 0 });
    }
    totals.calls += 1;
    if (entry.usage) totals.usage = addUsage(totals.usage, entry.usage);
    if (entry.costUsd === undefined) totals.callsWithoutCost += 1;
    else addCompensated({ running: costSums.get(totals)!, value: entry.costUsd });
  }
  for (const [totals, running] of costSums) totals.costUsd = resultOf({ running });
  return groups;
}

/**
 * A Kahan-Babuska-Neumaier running sum. Summing many small prices one after another drifts
 * (ten calls at $0.1 come to $0.9999999999999999); this one does not, and it is the very
 * algorithm of SQLite's `sum()` (3.43 and later), so `sqliteSink`'s SQL totals equal these
 * to the last bit.
 */
interface CompensatedSum {
  sum: number;
  error: number;
}

function addCompensated({ running, value }: { running: CompensatedSum; value: number }): void {
  const next = running.sum + value;
  running.error +=
    Math.abs(running.sum) > Math.abs(value) ? running.sum - next + value : value - next + running.sum;
  running.sum = next;
}

function resultOf({ running }: { running: CompensatedSum }): number {
  // SQLite drops a correction that overflowed rather than return NaN; so do we.
  return Number.isFinite(running.error) ? running.sum + running.error : running.sum;
}

function groupOf({ entry, by }: { entry: UsageEntry; by: UsageGrouping | undefined }): string {
  switch (by) {
    case undefined:
      return 'all';
    case 'day':
      return entry.time.slice(0, 10);
    default:
      return entry[by] ?? 'unknown';
  }
}
