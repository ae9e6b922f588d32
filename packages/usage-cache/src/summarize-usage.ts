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
  for (const entry of entries) {
    const name = groupOf({ entry, by });
    let totals = groups[name];
    if (!totals) {
      totals = { calls: 0, usage: emptyUsage(), costUsd: 0, callsWithoutCost: 0 };
      groups[name] = totals;
    }
    totals.calls += 1;
    if (entry.usage) totals.usage = addUsage(totals.usage, entry.usage);
    if (entry.costUsd === undefined) totals.callsWithoutCost += 1;
    else totals.costUsd += entry.costUsd;
  }
  return groups;
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
