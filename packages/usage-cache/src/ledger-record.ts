import type { Operation, Usage } from '@gemgate/core-transport';
import type { UsageGrouping, UsageTotals } from './summarize-usage.js';

/** One call as `usageLedger` records it. Never holds the API key: `keyId` is a label. */
export interface LedgerRecord {
  /** ISO time the call started. */
  time: string;
  /** The label of the key (see `keyIdOf`), never the key. */
  keyId: string | undefined;
  model: string | undefined;
  route: 'native' | 'openai' | undefined;
  operation: Operation | undefined;
  /** What was billed: zero for an answer from the response cache. */
  usage: Usage | undefined;
  /** What the answer itself reports (for a cache hit, the usage of the call it was stored from). */
  answerUsage: Usage | undefined;
  /** US dollars for `usage`; `undefined` when the model has no price. */
  costUsd: number | undefined;
  /** The price table the cost came from. */
  priceTableVersion: string;
  /** Whether the response cache answered. */
  cacheHit: boolean;
  /** Milliseconds until the answer (its headers, for a stream). */
  latencyMs: number;
  /** Milliseconds until the last event of a stream (the same as `latencyMs` otherwise). */
  durationMs: number;
  /** The error's class name (`RateLimitError`, ...) when the call failed. */
  errorClass: string | undefined;
  requestId: string | undefined;
  /** `checkUsage`'s sentence when the reported total does not add up. */
  usageWarning?: string | undefined;
}

/** Where `usageLedger` writes its records, and reads them back for totals. */
export interface LedgerSink {
  /** Adds one record. */
  write(record: LedgerRecord): Promise<void>;
  /**
   * Optional synchronous twin of `write`, for a sink that can add a record at once (memory,
   * SQLite): `usageLedger` then calls it instead, so a call costs no promise for its record.
   * It throws when the record cannot be written.
   */
  writeSync?(record: LedgerRecord): void;
  /** Every record, oldest first. */
  read(): Promise<LedgerRecord[]>;
  /**
   * Sums where the records are kept (SQL `GROUP BY`), for a sink that can: `usageLedger`'s
   * `totals` then asks this instead of reading every record. The result must equal
   * `summarizeUsage({ entries: await read(), by })`.
   */
  totals?(parameters: { by?: UsageGrouping | undefined }): Promise<Record<string, UsageTotals>>;
}
