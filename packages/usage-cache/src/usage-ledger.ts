import { createHash } from 'node:crypto';
import {
  checkUsage,
  emptyUsage,
  type Logger,
  type Middleware,
  type TransportRequest,
  type Usage,
} from '@gemgate/core-transport';
import { cacheHeader } from './cache-control.js';
import { estimateCost } from './estimate-cost.js';
import type { LedgerRecord, LedgerSink } from './ledger-record.js';
import { memorySink } from './ledger-sinks.js';
import { geminiPriceTable, type PriceTable } from './price-table.js';
import { summarizeUsage, type UsageGrouping, type UsageTotals } from './summarize-usage.js';
import { usageOfAnswer } from './usage-of-answer.js';

/** What `usageLedger` takes. */
export interface UsageLedgerOptions {
  /** Where records go. Default `memorySink()`. */
  sink?: LedgerSink | undefined;
  /** The label recorded as the key (see `keyIdOf`); never the key itself. */
  keyId?: string | undefined;
  /** Prices for the cost column. Default `geminiPriceTable`. */
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

  const recordOf = ({
    request,
    started,
    startedAt,
    answered,
    answerUsage,
    cacheHit,
    requestId,
    error,
  }: {
    request: TransportRequest;
    started: number;
    startedAt: number;
    answered: number;
    answerUsage: Usage | undefined;
    cacheHit: boolean;
    requestId: string | undefined;
    error: unknown;
  }): LedgerRecord => {
    const model = request.context?.model ?? modelOfPath(request.path);
    const usage = cacheHit ? emptyUsage() : answerUsage;
    const cost = usage ? estimateCost({ usage, model, priceTable }) : undefined;
    const mismatch = answerUsage ? checkUsage({ usage: answerUsage }) : undefined;
    if (mismatch) {
      logger.warn(`gemgate usage ledger: ${mismatch.message}`, {
        model,
        expected: mismatch.expected,
        reported: mismatch.reported,
      });
    }
    return {
      time: new Date(startedAt).toISOString(),
      keyId,
      model,
      route: request.context?.route,
      operation: request.context?.operation,
      usage,
      answerUsage,
      costUsd: cost?.usd,
      priceTableVersion: priceTable.version,
      cacheHit,
      latencyMs: answered - started,
      durationMs: performance.now() - started,
      errorClass: error === undefined ? undefined : errorClassOf(error),
      requestId,
      ...(mismatch ? { usageWarning: mismatch.message } : {}),
    };
  };

  const middleware: Middleware = async (request, next) => {
    const startedAt = Date.now();
    const started = performance.now();
    const route = request.context?.route ?? 'native';
    let response: Awaited<ReturnType<typeof next>>;
    try {
      response = await next(request);
    } catch (error) {
      write(
        recordOf({
          request,
          started,
          startedAt,
          answered: performance.now(),
          answerUsage: undefined,
          cacheHit: false,
          requestId: (error as { requestId?: string }).requestId,
          error,
        }),
      );
      throw error;
    }
    const answered = performance.now();
    const cacheHit = response.headers[cacheHeader] === 'hit';
    if (response.kind === 'json') {
      write(
        recordOf({
          request,
          started,
          startedAt,
          answered,
          answerUsage: usageOfAnswer({ route, body: response.body }),
          cacheHit,
          requestId: response.requestId,
          error: undefined,
        }),
      );
      return response;
    }
    let lastUsage: Usage | undefined;
    let done = false;
    const finish = (error: unknown) => {
      if (done) return;
      done = true;
      write(
        recordOf({
          request,
          started,
          startedAt,
          answered,
          answerUsage: lastUsage,
          cacheHit,
          requestId: response.requestId,
          error,
        }),
      );
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

function modelOfPath(path: string): string | undefined {
  return /models\/([^:/?]+)/.exec(path)?.[1];
}

function errorClassOf(error: unknown): string {
  if (error instanceof Error) return error.name;
  return typeof error;
}
