import { InvalidArgumentError } from '@gemgate/core-transport';
import type { LedgerRecord, LedgerSink } from './ledger-record.js';
import type { UsageGrouping, UsageTotals } from './summarize-usage.js';

/** A prepared statement, as better-sqlite3 shapes it: positional `?` parameters, rows as objects. */
export interface SqliteStatementLike {
  run(...parameters: unknown[]): unknown;
  all(...parameters: unknown[]): unknown[];
}

/**
 * The part of an open SQLite database `sqliteSink` uses. A better-sqlite3 `Database` fits as it
 * is; so does any binding with the same synchronous `prepare` and `exec`.
 */
export interface SqliteDatabaseLike {
  exec(sql: string): unknown;
  prepare(sql: string): SqliteStatementLike;
}

/** What `sqliteSink` takes. */
export interface SqliteSinkOptions {
  /** An open database (better-sqlite3 12.x is the tested binding). The sink never closes it. */
  database: SqliteDatabaseLike;
  /** The table the records go to, created with its indexes when missing. Default `gemgate_ledger`. */
  table?: string | undefined;
}

/** A `LedgerSink` that keeps records in SQLite and sums them in SQL. */
export interface SqliteSink extends LedgerSink {
  /** Sums by group in one `GROUP BY` query; equal to `summarizeUsage` over `read()`. */
  totals(parameters?: { by?: UsageGrouping | undefined }): Promise<Record<string, UsageTotals>>;
}

/** The columns `write` fills, in the order of its parameters. */
const columns = [
  ['time', 'TEXT NOT NULL'],
  ['day', 'TEXT NOT NULL'],
  ['key_id', 'TEXT'],
  ['model', 'TEXT'],
  ['route', 'TEXT'],
  ['operation', 'TEXT'],
  ['cache_hit', 'INTEGER NOT NULL'],
  ['cost_usd', 'REAL'],
  ['input_tokens', 'INTEGER'],
  ['output_tokens', 'INTEGER'],
  ['reasoning_tokens', 'INTEGER'],
  ['cached_input_tokens', 'INTEGER'],
  ['tool_use_input_tokens', 'INTEGER'],
  ['total_tokens', 'INTEGER'],
  ['latency_ms', 'REAL'],
  ['duration_ms', 'REAL'],
  ['error_class', 'TEXT'],
  ['request_id', 'TEXT'],
  ['price_table_version', 'TEXT'],
  ['record', 'TEXT NOT NULL'],
] as const;

const indexedColumns = ['time', 'day', 'model', 'key_id'] as const;

/** What each grouping groups by in SQL; no grouping is one group named `all`. */
const groupColumns: Array<[UsageGrouping | undefined, string]> = [
  [undefined, `'all'`],
  ['model', `coalesce(model, 'unknown')`],
  ['route', `coalesce(route, 'unknown')`],
  ['keyId', `coalesce(key_id, 'unknown')`],
  // `day` is stored as `time.slice(0, 10)`, the very string `summarizeUsage` groups by.
  ['day', 'day'],
];

/** `sum(... ORDER BY id)` in an aggregate came with SQLite 3.44. */
const oldestSupported = [3, 44, 0];

/**
 * Keeps the ledger in a SQLite table, one row per record: columns for time, day, key id,
 * model, route, operation, cache hit, cost, token counts, latency, error class and request id
 * (the first four indexed; the table and indexes are created when missing), and the whole
 * record as JSON, which `read` gives back as written (like the JSONL sink, a
 * field left `undefined` comes back missing). `totals({ by })` sums in SQL, and `usageLedger`'s
 * `totals` uses it. It takes an open database rather than a path, so this package never loads a
 * binding itself: better-sqlite3 12.x (an optional peer dependency) is the tested one. Writes
 * are synchronous underneath; `write` still returns a Promise, rejected when the row cannot be
 * written. Several processes may share the file. Use WAL with `synchronous = NORMAL`: in the
 * default rollback journal every record waits for several fsyncs on the event loop.
 *
 * @example
 * ```ts
 * import Database from 'better-sqlite3';
 * import { sqliteSink, usageLedger } from '@gemgate/usage-cache';
 * const database = new Database('usage.db');
 * database.pragma('journal_mode = WAL');
 * database.pragma('synchronous = NORMAL');
 * const sink = sqliteSink({ database });
 * const ledger = usageLedger({ sink });
 * // ... calls ...
 * console.log(await ledger.totals({ by: 'day' }));
 * ```
 */
export function sqliteSink({ database, table = 'gemgate_ledger' }: SqliteSinkOptions): SqliteSink {
  checkTableName({ table });
  checkVersion({ database });
  const quoted = `"${table}"`;
  database.exec(
    `CREATE TABLE IF NOT EXISTS ${quoted} (id INTEGER PRIMARY KEY, ${columns
      .map(([name, type]) => `${name} ${type}`)
      .join(', ')})`,
  );
  // Before the indexes, so a foreign table of the same name gets our message, not SQLite's.
  checkColumns({ database, table });
  database.exec(
    indexedColumns
      .map((column) => `CREATE INDEX IF NOT EXISTS "${table}_${column}" ON ${quoted} (${column})`)
      .join(';\n'),
  );

  const insert = database.prepare(
    `INSERT INTO ${quoted} (${columns.map(([name]) => name).join(', ')}) VALUES (${columns
      .map(() => '?')
      .join(', ')})`,
  );
  const selectAll = database.prepare(`SELECT record FROM ${quoted} ORDER BY id`);
  const totalsStatements = new Map(
    groupColumns.map(([grouping, expression]) => [
      grouping,
      database.prepare(totalsQuery({ table: quoted, expression })),
    ]),
  );

  const writeSync = (record: LedgerRecord): void => {
    insert.run(...rowOf({ record }));
  };
  return {
    writeSync,
    async write(record) {
      writeSync(record);
    },
    async read() {
      return selectAll.all().map((row) => JSON.parse((row as { record: string }).record) as LedgerRecord);
    },
    async totals({ by } = {}) {
      const statement = totalsStatements.get(by);
      if (statement === undefined) {
        throw new InvalidArgumentError(
          `by must be one of 'model', 'route', 'keyId', 'day' or left out, got ${JSON.stringify(by)}.`,
          { argument: 'by' },
        );
      }
      const groups: Record<string, UsageTotals> = {};
      for (const row of statement.all() as TotalsRow[]) {
        groups[row.name] = {
          calls: Number(row.calls),
          usage: {
            inputTokens: Number(row.input_tokens),
            outputTokens: Number(row.output_tokens),
            reasoningTokens: Number(row.reasoning_tokens),
            cachedInputTokens: Number(row.cached_input_tokens),
            toolUseInputTokens: Number(row.tool_use_input_tokens),
            totalTokens: Number(row.total_tokens),
          },
          costUsd: Number(row.cost_usd),
          callsWithoutCost: Number(row.calls_without_cost),
        };
      }
      return groups;
    },
  };
}

interface TotalsRow {
  name: string;
  calls: number | bigint;
  input_tokens: number | bigint;
  output_tokens: number | bigint;
  reasoning_tokens: number | bigint;
  cached_input_tokens: number | bigint;
  tool_use_input_tokens: number | bigint;
  total_tokens: number | bigint;
  cost_usd: number;
  calls_without_cost: number | bigint;
}

function totalsQuery({ table, expression }: { table: string; expression: string }): string {
  const tokenSums = [
    'input_tokens',
    'output_tokens',
    'reasoning_tokens',
    'cached_input_tokens',
    'tool_use_input_tokens',
    'total_tokens',
  ].map((column) => `coalesce(sum(${column}), 0) AS ${column}`);
  // SQLite's sum() of REAL values is compensated (Kahan-Babuska-Neumaier), as `summarizeUsage`
  // is; summing in insertion order as well makes the two agree to the last bit. Groups come out
  // in order of first appearance, as `summarizeUsage` makes them.
  return `SELECT ${expression} AS name, count(*) AS calls, ${tokenSums.join(', ')},
    coalesce(sum(cost_usd ORDER BY id), 0.0) AS cost_usd,
    count(*) - count(cost_usd) AS calls_without_cost
    FROM ${table} GROUP BY 1 ORDER BY min(id)`;
}

function rowOf({ record }: { record: LedgerRecord }): unknown[] {
  const usage = record.usage;
  // SQLite bindings take null, never undefined, and numbers for booleans.
  return [
    record.time,
    record.time.slice(0, 10),
    record.keyId ?? null,
    record.model ?? null,
    record.route ?? null,
    record.operation ?? null,
    record.cacheHit ? 1 : 0,
    record.costUsd ?? null,
    usage?.inputTokens ?? null,
    usage?.outputTokens ?? null,
    usage?.reasoningTokens ?? null,
    usage?.cachedInputTokens ?? null,
    usage?.toolUseInputTokens ?? null,
    usage?.totalTokens ?? null,
    record.latencyMs ?? null,
    record.durationMs ?? null,
    record.errorClass ?? null,
    record.requestId ?? null,
    record.priceTableVersion ?? null,
    JSON.stringify(record),
  ];
}

function checkTableName({ table }: { table: string }): void {
  // The name is spliced into SQL (identifiers cannot be bound), so only a plain identifier passes.
  if (typeof table !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(table) || /^sqlite_/i.test(table)) {
    throw new InvalidArgumentError(
      `table must be a plain SQL identifier: letters, digits and underscores, not starting with a digit or "sqlite_" (got ${JSON.stringify(table)}). Pass a name such as "gemgate_ledger".`,
      { argument: 'table' },
    );
  }
}

function checkVersion({ database }: { database: SqliteDatabaseLike }): void {
  const [row] = database.prepare('SELECT sqlite_version() AS version').all() as Array<{ version: string }>;
  const version = row?.version ?? '0';
  const parts = version.split('.').map(Number);
  for (const [index, oldest] of oldestSupported.entries()) {
    const part = parts[index] ?? 0;
    if (part > oldest) return;
    if (part < oldest) {
      throw new InvalidArgumentError(
        `database runs SQLite ${version}; sqliteSink needs 3.44 or later. Pass a database opened with better-sqlite3 12.x, which bundles a recent SQLite.`,
        { argument: 'database' },
      );
    }
  }
}

function checkColumns({ database, table }: { database: SqliteDatabaseLike; table: string }): void {
  const present = new Set(
    (database.prepare('SELECT name FROM pragma_table_info(?)').all(table) as Array<{ name: string }>).map(
      (row) => row.name,
    ),
  );
  const missing = ['id', ...columns.map(([name]) => name)].filter((name) => !present.has(name));
  if (missing.length > 0) {
    throw new InvalidArgumentError(
      `table "${table}" already exists without the ledger's columns (missing ${missing.join(', ')}). Pass another table name.`,
      { argument: 'table' },
    );
  }
}
