import { createHash } from 'node:crypto';
import {
  checkUsage,
  emptyUsage,
  type Logger,
  type Middleware,
  type TransportRequest,
  type TransportResponse,
  type Usage,
} from '@gemgate/core-transport';
import { cacheHeader } from './cache-control.js';
import { costUsd } from './estimate-cost.js';
import type { LedgerRecord, LedgerSink } from './ledger-record.js';
import { memorySink } from './ledger-sinks.js';
import { geminiPriceTable, type ModelPrices, type PriceTable, pricesOf } from './price-table.js';
import { summarizeUsage, type UsageGrouping, type UsageTotals } from './summarize-usage.js';
import { usageOfAnswer } from './usage-of-answer.js';

/** What `usageLedger` takes. */
export interface UsageLedgerOptions {
  /** Where records go. Default `memorySink()`. */
  sink?: LedgerSink | undefined;
  /** The label recorded as the key (see `keyIdOf`); never the key itself. */
  keyId?: string | undefined;
  /**
   * Prices for the cost column. Default `geminiPriceTable`. Read once per model: to change prices,
   * make a ledger with the new table rather than editing this one in place.
   */
  priceTable?: PriceTable | undefined;
  /** Gets the warning when a usage does not add up, or a record cannot be written. Default `console`. */
  logger?: Pick<Logger, 'warn'> | undefined;
}

/** The ledger middleware, with its queries. */
export interface UsageLedger extends Middleware {
  /** Every record, oldest first (read from the sink). */
  records(): Promise<LedgerRecord[]>;
  /** Sums by `model`, `route`, `keyId` or `day` (UTC), or all together. */
  totals(parameters?: { by?: UsageGrouping | undefined }): Promise<Record<string, UsageTotals>>;
  /** Waits until every record so far is written. */
  flush(): Promise<void>;
}

/**
 * A label for an API key that can be logged: `key_` and the first 12 hex digits of its
 * SHA-256. The ledger records this, never the key.
 *
 * @example
 * ```ts
 * import { keyIdOf } from '@gemgate/usage-cache';
 * keyIdOf({ apiKey: process.env.AIHUBMIX_API_KEY ?? '' }); // 'key_3f2a…'
 * ```
 */
export function keyIdOf({ apiKey }: { apiKey: string }): string {
  return `key_${createHash('sha256').update(apiKey).digest('hex').slice(0, 12)}`;
}

/**
 * Middleware that writes one record per call (time, key id, model, route, operation, usage,
 * cost, cache hit, latency, error class) to a sink: memory, a JSONL file, SQLite or Redis. Put it
 * before `responseCache` in `middleware`, so it sees hits too (billed as zero tokens). Streams
 * are recorded when they end, with the last usage snapshot. A usage whose total does not add up
 * is recorded with `checkUsage`'s sentence and warned about, both numbers in it.
 *
 * @example
 * ```ts
 * import { createOpenAICompat } from '@gemgate/openai-compat';
 * import { responseCache, usageLedger } from '@gemgate/usage-cache';
 * const ledger = usageLedger({ keyId: 'team-a' });
 * const client = createOpenAICompat({ middleware: [ledger, responseCache()] });
 * await client.chat.completions.create({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Hi' }] });
 * console.log(await ledger.totals({ by: 'model' }));
 * ```
 */
export function usageLedger({
  sink = memorySink(),
  keyId,
  priceTable = geminiPriceTable,
  logger = console,
}: UsageLedgerOptions = {}): UsageLedger {
  const pending = new Set<Promise<void>>();

  const warnUnwritten = (error: unknown): void => {
    logger.warn('gemgate usage ledger: a record could not be written', {
      error: error instanceof Error ? error.message : String(error),
    });
  };
  const write = (record: LedgerRecord): void => {
    if (sink.writeSync) {
      try {
        sink.writeSync(record);
      } catch (error) {
        warnUnwritten(error);
      }
      return;
    }
    const written = sink
      .write(record)
      .catch(warnUnwritten)
      .finally(() => pending.delete(written));
    pending.add(written);
  };

  /** Each model's prices, looked up once per ledger (the table is data: it does not change under it). */
  const pricesByModel = new Map<string, ModelPrices | undefined>();
  const costUsdOf = (usage: Usage, model: string | undefined): number | undefined => {
    if (model === undefined) return undefined;
    let prices = pricesByModel.get(model);
    if (prices === undefined && !pricesByModel.has(model)) {
      prices = pricesOf({ model, priceTable });
      // Bounded: a client that makes up model names must not grow this without end.
      if (pricesByModel.size >= 256) pricesByModel.clear();
      pricesByModel.set(model, prices);
    }
    return prices === undefined ? undefined : costUsd({ usage, prices });
  };

  const recordOf = (
    call: Call,
    answered: number,
    answerUsage: Usage | undefined,
    cacheHit: boolean,
    requestId: string | undefined,
    error: unknown,
  ): LedgerRecord => {
    const request = call.request;
    const context = request.context;
    const model = context?.model ?? modelOfPath(request.path);
    const usage = cacheHit ? emptyUsage() : answerUsage;
    const mismatch = answerUsage ? checkUsage({ usage: answerUsage }) : undefined;
    if (mismatch) {
      logger.warn(`gemgate usage ledger: ${mismatch.message}`, {
        model,
        expected: mismatch.expected,
        reported: mismatch.reported,
      });
    }
    const record: LedgerRecord = {
      time: isoTime(call.startedAt),
      keyId,
      model,
      route: context?.route,
      operation: context?.operation,
      usage,
      answerUsage,
      costUsd: usage ? costUsdOf(usage, model) : undefined,
      priceTableVersion: priceTable.version,
      cacheHit,
      latencyMs: answered - call.started,
      durationMs: performance.now() - call.started,
      errorClass: error === undefined ? undefined : errorClassOf(error),
      requestId,
    };
    if (mismatch) record.usageWarning = mismatch.message;
    return record;
  };

  const failed = (call: Call, error: unknown): never => {
    write(
      recordOf(call, performance.now(), undefined, false, (error as { requestId?: string }).requestId, error),
    );
    throw error;
  };

  const answered = (call: Call, response: TransportResponse): TransportResponse => {
    const answeredAt = performance.now();
    const route = call.request.context?.route ?? 'native';
    const cacheHit = response.headers[cacheHeader] === 'hit';
    if (response.kind === 'json') {
      write(
        recordOf(
          call,
          answeredAt,
          usageOfAnswer({ route, body: response.body }),
          cacheHit,
          response.requestId,
          undefined,
        ),
      );
      return response;
    }
    let lastUsage: Usage | undefined;
    let done = false;
    const finish = (error: unknown) => {
      if (done) return;
      done = true;
      write(recordOf(call, answeredAt, lastUsage, cacheHit, response.requestId, error));
    };
    let iterator: AsyncIterator<unknown> | undefined;
    const source = () => {
      iterator ??= response.events[Symbol.asyncIterator]();
      return iterator;
    };
    const events: AsyncIterableIterator<unknown> = {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        let result: IteratorResult<unknown>;
        try {
          result = await source().next();
        } catch (error) {
          finish(error);
          throw error;
        }
        if (result.done) finish(undefined);
        else lastUsage = usageOfAnswer({ route, body: result.value }) ?? lastUsage;
        return result;
      },
      async return() {
        finish(undefined);
        return (await source().return?.()) ?? { value: undefined, done: true };
      },
    };
    return { ...response, events };
  };

  // Not an async function: one promise step per call, not three (the bench's usage-cache-miss row).
  const middleware: Middleware = (request, next) => {
    const call: Call = { request, startedAt: Date.now(), started: performance.now() };
    let answer: Promise<TransportResponse>;
    try {
      answer = next(request);
    } catch (error) {
      answer = Promise.reject(error);
    }
    return answer.then(
      (response) => answered(call, response),
      (error: unknown) => failed(call, error),
    );
  };

  const flush = async () => {
    while (pending.size > 0) await Promise.all([...pending]);
  };

  return Object.assign(middleware, {
    flush,
    async records() {
      await flush();
      return sink.read();
    },
    async totals({ by }: { by?: UsageGrouping | undefined } = {}) {
      await flush();
      if (sink.totals) return sink.totals({ by });
      return summarizeUsage({ entries: await sink.read(), by });
    },
  });
}

/** The ISO text of a second, kept: most records start in the same second as the one before. */
let isoSecond = Number.NaN;
let isoPrefix = '';
/** Last year `isoTime` writes itself (later ones take six digits and a sign). */
const year9999 = 253_402_300_800_000;

/** `new Date(ms).toISOString()`, without a `Date` per record. */
export function isoTime(ms: number): string {
  if (!(ms >= 0 && ms < year9999) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const second = Math.floor(ms / 1000);
  if (second !== isoSecond) {
    isoSecond = second;
    isoPrefix = new Date(second * 1000).toISOString().slice(0, 20);
  }
  const milli = ms - second * 1000;
  return `${isoPrefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

/** One call the ledger is timing. */
interface Call {
  request: TransportRequest;
  /** `Date.now()` when it started (the record's time). */
  startedAt: number;
  /** `performance.now()` when it started (its latency). */
  started: number;
}

function modelOfPath(path: string): string | undefined {
  return /models\/([^:/?]+)/.exec(path)?.[1];
}

function errorClassOf(error: unknown): string {
  if (error instanceof Error) return error.name;
  return typeof error;
}
