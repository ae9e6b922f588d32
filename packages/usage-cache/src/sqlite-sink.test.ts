import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyUsage, InvalidArgumentError } from '@gemgate/core-transport';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useMockGateway } from '../test/use-mock-gateway.js';
import type { LedgerRecord } from './ledger-record.js';
import { jsonlSink } from './ledger-sinks.js';
import { type SqliteDatabaseLike, sqliteSink } from './sqlite-sink.js';
import { summarizeUsage, type UsageGrouping } from './summarize-usage.js';
import { usageLedger } from './usage-ledger.js';

const mock = useMockGateway();
const quiet = { warn: () => {} };
const groupings: Array<UsageGrouping | undefined> = [undefined, 'model', 'route', 'keyId', 'day'];

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'gemgate-sqlite-sink-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

function record(overrides: Partial<LedgerRecord> = {}): LedgerRecord {
  return {
    time: '2026-12-03T10:00:00.000Z',
    keyId: 'key_a',
    model: 'gemini-2.5-flash',
    route: 'native',
    operation: 'generateContent',
    usage: { ...emptyUsage(), inputTokens: 10, outputTokens: 5, reasoningTokens: 2, totalTokens: 15 },
    answerUsage: { ...emptyUsage(), inputTokens: 10, outputTokens: 5, reasoningTokens: 2, totalTokens: 15 },
    costUsd: 0.1,
    priceTableVersion: '2026-11',
    cacheHit: false,
    latencyMs: 12.5,
    durationMs: 12.5,
    errorClass: undefined,
    requestId: 'req-1',
    ...overrides,
  };
}

/**
 * Varied records: three days, two keys and none, both routes and none, an unpriced model, a
 * failed call without usage, a cache hit, a usage warning; and prices that a plain running sum
 * rounds differently from a compensated one.
 */
function variedRecords(): LedgerRecord[] {
  const models = ['gemini-2.5-flash', 'gemini-2.5-pro', 'unpriced-model', undefined];
  const keys = ['key_a', 'key_b', undefined];
  const routes = ['native', 'openai', undefined] as const;
  const days = ['2026-12-01', '2026-12-02', '2026-12-03'];
  const records: LedgerRecord[] = [];
  for (let index = 0; index < 60; index += 1) {
    const model = models[index % models.length];
    const input = 100 + index * 7;
    const output = 20 + (index % 9);
    records.push(
      record({
        time: `${days[index % days.length]}T${String(index % 24).padStart(2, '0')}:00:00.000Z`,
        keyId: keys[index % keys.length],
        model,
        route: routes[index % routes.length],
        usage:
          index % 11 === 0
            ? undefined
            : {
                inputTokens: input,
                outputTokens: output,
                reasoningTokens: index % 5,
                cachedInputTokens: index % 4 === 0 ? 32 : 0,
                toolUseInputTokens: index % 6,
                totalTokens: input + output + (index % 6),
              },
        costUsd: model === 'unpriced-model' || index % 11 === 0 ? undefined : 0.1 + index * 1e-7,
        errorClass: index % 11 === 0 ? 'ServerError' : undefined,
        cacheHit: index % 13 === 0,
        requestId: `req-${index}`,
        ...(index % 17 === 0 ? { usageWarning: 'total 20 is 5 more than 15' } : {}),
      }),
    );
  }
  return records;
}

const databases: Array<[string, () => Database.Database]> = [
  [
    'on disk',
    () => {
      // As the README advises: each record is its own transaction, and in the default rollback
      // journal each one waits for several fsyncs (seconds for these tests on a busy disk).
      const database = new Database(join(directory, `ledger-${Math.random()}.db`));
      database.pragma('journal_mode = WAL');
      database.pragma('synchronous = NORMAL');
      return database;
    },
  ],
  [':memory:', () => new Database(':memory:')],
];

describe.each(databases)('sqliteSink (%s)', (_name, open) => {
  it('gives back exactly what was written, oldest first, as the JSONL sink does', async () => {
    const database = open();
    const sink = sqliteSink({ database });
    const jsonl = jsonlSink({ path: join(directory, `same-${Math.random()}.jsonl`) });
    const records = variedRecords();
    for (const written of records) {
      await sink.write(written);
      await jsonl.write(written);
    }
    const read = await sink.read();
    expect(read).toEqual(records);
    // `undefined` fields come back missing, no more and no less than through JSON.
    expect(read).toStrictEqual(JSON.parse(JSON.stringify(records)));
    expect(read).toStrictEqual(await jsonl.read());
    expect(read[17]!.usageWarning).toBe('total 20 is 5 more than 15');
    expect(Object.hasOwn(read[1]!, 'errorClass')).toBe(false);
    database.close();
  });

  it.each(groupings)('sums in SQL equal to summarizeUsage over the same records (by %s)', async (by) => {
    const database = open();
    const sink = sqliteSink({ database });
    const records = variedRecords();
    for (const written of records) await sink.write(written);
    const inSql = await sink.totals({ by });
    expect(inSql).toStrictEqual(summarizeUsage({ entries: records, by }));
    expect(Object.keys(inSql)).toEqual(Object.keys(summarizeUsage({ entries: records, by })));
    database.close();
  });

  it('keeps an unknown cost unknown: counted in callsWithoutCost, never summed as 0', async () => {
    const database = open();
    const sink = sqliteSink({ database });
    await sink.write(record({ model: 'unpriced-model', costUsd: undefined }));
    await sink.write(record({ model: 'unpriced-model', costUsd: undefined }));
    await sink.write(record({ model: 'gemini-2.5-flash', costUsd: 0.25 }));
    const byModel = await sink.totals({ by: 'model' });
    expect(byModel['unpriced-model']).toMatchObject({ calls: 2, costUsd: 0, callsWithoutCost: 2 });
    expect(byModel['gemini-2.5-flash']).toMatchObject({ calls: 1, costUsd: 0.25, callsWithoutCost: 0 });
    expect(database.prepare('SELECT count(*) AS n FROM gemgate_ledger WHERE cost_usd IS NULL').get()).toEqual(
      {
        n: 2,
      },
    );
    database.close();
  });

  it('reads and sums an empty table as summarizeUsage does no records', async () => {
    const database = open();
    const sink = sqliteSink({ database });
    expect(await sink.read()).toEqual([]);
    for (const by of groupings) expect(await sink.totals({ by })).toStrictEqual({});
    database.close();
  });

  it('prepares the INSERT once: writing prepares nothing more', async () => {
    const database = open();
    const prepare = vi.spyOn(database, 'prepare');
    const sink = sqliteSink({ database });
    const prepared = prepare.mock.calls.length;
    for (const written of variedRecords().slice(0, 5)) await sink.write(written);
    expect(prepare.mock.calls.length).toBe(prepared);
    expect(await sink.read()).toHaveLength(5);
    database.close();
  });

  it('rejects the Promise, never throws, when the row cannot be written', async () => {
    const database = open();
    const sink = sqliteSink({ database });
    database.close();
    let written: Promise<void> | undefined;
    expect(() => {
      written = sink.write(record());
    }).not.toThrow();
    await expect(written).rejects.toThrow(/closed|not open/i);
  });
});

describe('sqliteSink on a file', () => {
  it('keeps the records for a second connection and a reopened one', async () => {
    const path = join(directory, 'shared.db');
    const first = new Database(path);
    const sink = sqliteSink({ database: first, table: 'team_ledger' });
    const records = variedRecords().slice(0, 10);
    for (const written of records) await sink.write(written);

    // Another process's view: a second connection to the same file, while the first is open.
    const second = new Database(path);
    expect(await sqliteSink({ database: second, table: 'team_ledger' }).read()).toEqual(records);
    second.close();
    first.close();

    const reopened = new Database(path);
    const again = sqliteSink({ database: reopened, table: 'team_ledger' });
    expect(await again.read()).toEqual(records);
    await again.write(record({ requestId: 'after-reopen' }));
    expect((await again.read()).map((row) => row.requestId)).toEqual([
      ...records.map((row) => row.requestId),
      'after-reopen',
    ]);
    const indexes = reopened
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'team_ledger' ORDER BY name",
      )
      .all();
    expect(indexes).toEqual([
      { name: 'team_ledger_day' },
      { name: 'team_ledger_key_id' },
      { name: 'team_ledger_model' },
      { name: 'team_ledger_time' },
    ]);
    reopened.close();
  });
});

describe('sqliteSink arguments', () => {
  it.each(['drop table x; --', '1ledger', 'sqlite_ledger', '', 'my-ledger', 'ledger"'])(
    'rejects the table name %j, saying what to pass instead',
    (table) => {
      const database = new Database(':memory:');
      expect(() => sqliteSink({ database, table })).toThrow(
        expect.toSatisfy(
          (error) =>
            InvalidArgumentError.isInstance(error) &&
            /plain SQL identifier/.test(error.message) &&
            /gemgate_ledger/.test(error.message),
        ),
      );
      expect(database.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({
        n: 0,
      });
      database.close();
    },
  );

  it('refuses a table of the same name that is not a ledger', () => {
    const database = new Database(':memory:');
    database.exec('CREATE TABLE gemgate_ledger (id INTEGER PRIMARY KEY, note TEXT)');
    expect(() => sqliteSink({ database })).toThrow(
      expect.toSatisfy(
        (error) => InvalidArgumentError.isInstance(error) && /Pass another table name/.test(error.message),
      ),
    );
    database.close();
  });

  it('refuses a SQLite older than 3.44, whose sum() cannot take ORDER BY', () => {
    const real = new Database(':memory:');
    const oldDatabase: SqliteDatabaseLike = {
      exec: (sql) => real.exec(sql),
      prepare: (sql) =>
        sql.includes('sqlite_version()') ? real.prepare("SELECT '3.40.1' AS version") : real.prepare(sql),
    };
    expect(() => sqliteSink({ database: oldDatabase })).toThrow(
      expect.toSatisfy(
        (error) => InvalidArgumentError.isInstance(error) && /SQLite 3\.40\.1.*3\.44/.test(error.message),
      ),
    );
    real.close();
  });

  it('rejects an unknown grouping', async () => {
    const database = new Database(':memory:');
    const sink = sqliteSink({ database });
    await expect(sink.totals({ by: 'colour' as UsageGrouping })).rejects.toSatisfy((error) =>
      InvalidArgumentError.isInstance(error),
    );
    database.close();
  });
});

describe('sqliteSink under usageLedger', () => {
  it('records real calls with their cost, and the ledger sums them in SQL', async () => {
    const database = new Database(join(directory, 'through-the-ledger.db'));
    const sink = sqliteSink({ database });
    const sqlTotals = vi.spyOn(sink, 'totals');
    const ledger = usageLedger({ sink, keyId: 'team-a', logger: quiet });
    const answer = await mock
      .native({ middleware: [ledger] })
      .models.generateContent({ model: 'gemini-2.5-flash', contents: 'One' });
    await mock.openai({ middleware: [ledger] }).chat.completions.create({
      model: 'gemini-2.5-pro',
      messages: [{ role: 'user', content: 'Two' }],
    });
    await ledger.flush();

    const rows = database
      .prepare(
        'SELECT model, route, key_id, cost_usd, input_tokens, request_id FROM gemgate_ledger ORDER BY id',
      )
      .all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      model: 'gemini-2.5-flash',
      route: 'native',
      key_id: 'team-a',
      input_tokens: answer.usageMetadata!.promptTokenCount,
      request_id: answer.requestId,
    });
    expect(rows[0]!.cost_usd).toBeGreaterThan(0);
    expect(rows[1]).toMatchObject({ model: 'gemini-2.5-pro', route: 'openai' });
    expect(rows[1]!.cost_usd).toBeGreaterThan(0);

    const records = await ledger.records();
    expect(records.map((row) => row.costUsd)).toEqual(rows.map((row) => row.cost_usd));
    for (const by of groupings) {
      expect(await ledger.totals({ by })).toStrictEqual(summarizeUsage({ entries: records, by }));
    }
    expect(sqlTotals).toHaveBeenCalledTimes(groupings.length);
    database.close();
  });
});
