import { appendFile, readFile } from 'node:fs/promises';
import type { LedgerRecord, LedgerSink } from './ledger-record.js';
import type { RedisLike } from './redis-store.js';

/**
 * Keeps the records in memory (tests, a short script).
 *
 * @example
 * ```ts
 * import { memorySink, usageLedger } from '@gemgate/usage-cache';
 * const sink = memorySink();
 * const ledger = usageLedger({ sink });
 * ```
 */
export function memorySink(): LedgerSink & { readonly records: readonly LedgerRecord[] } {
  const records: LedgerRecord[] = [];
  return {
    records,
    writeSync(record) {
      records.push(record);
    },
    async write(record) {
      records.push(record);
    },
    async read() {
      return [...records];
    },
  };
}

/**
 * Appends one JSON line per record to a file, never rewriting it (the CLI's default). Writes go
 * out one after another, so lines never interleave; a torn last line (a crash mid-write) is
 * skipped when reading.
 *
 * @example
 * ```ts
 * import { jsonlSink, usageLedger } from '@gemgate/usage-cache';
 * const ledger = usageLedger({ sink: jsonlSink({ path: './usage.jsonl' }) });
 * ```
 */
export function jsonlSink({ path }: { path: string }): LedgerSink {
  let queue: Promise<void> = Promise.resolve();
  return {
    write(record) {
      queue = queue.then(() => appendFile(path, `${JSON.stringify(record)}\n`));
      return queue;
    },
    async read() {
      await queue.catch(() => {});
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const records: LedgerRecord[] = [];
      for (const line of text.split('\n')) {
        if (line === '') continue;
        try {
          records.push(JSON.parse(line) as LedgerRecord);
        } catch {
          // A line cut short by a crash: the records before it still count.
        }
      }
      return records;
    },
  };
}

/**
 * Appends records to a Redis list (`RPUSH`), the shared default of a gateway server run as
 * several processes.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { redisSink, usageLedger } from '@gemgate/usage-cache';
 * const ledger = usageLedger({ sink: redisSink({ redis: new Redis(), key: 'gemgate:ledger' }) });
 * ```
 */
export function redisSink({
  redis,
  key = 'gemgate:ledger',
}: {
  redis: RedisLike;
  key?: string | undefined;
}): LedgerSink {
  return {
    async write(record) {
      await redis.rpush(key, JSON.stringify(record));
    },
    async read() {
      return (await redis.lrange(key, 0, -1)).map((line) => JSON.parse(line) as LedgerRecord);
    },
  };
}
