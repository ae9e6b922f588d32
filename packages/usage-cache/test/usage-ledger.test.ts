/**
 * Usage read right on both routes (cached, tool-use and thinking tokens), one ledger record per
 * call, cache hits billed zero, and the three sinks with their totals.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertGeminiUsage, convertOpenAIUsage, ServerError } from '@gemgate/core-transport';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  jsonlSink,
  keyIdOf,
  type LedgerSink,
  memorySink,
  redisSink,
  responseCache,
  usageLedger,
} from '../src/index.js';
import { startRedisServer, type TestRedisServer } from './redis-server.js';
import { testApiKey, useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway({ implicitCacheMinTokens: 64 });
const longDocument = Array.from(
  { length: 400 },
  (_, index) => `Sentence ${index} of the shared document.`,
).join(' ');
const quiet = { warn: () => {} };

describe('usage on the native route', () => {
  it('records thinking and tool-use tokens, with the invariants of the wire', async () => {
    const ledger = usageLedger({ logger: quiet });
    const gemini = mock.native({ middleware: [ledger] });
    const response = await gemini.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Add 12 and 30 with code.',
      config: { tools: [{ codeExecution: {} }] },
    });
    const [record] = await ledger.records();
    const wire = response.usageMetadata!;
    const usage = record!.usage!;
    expect(usage).toEqual(convertGeminiUsage({ usageMetadata: wire }));
    expect(usage.reasoningTokens).toBeGreaterThan(0);
    expect(usage.toolUseInputTokens).toBeGreaterThan(0);
    expect(usage.outputTokens).toBe(Number(wire.candidatesTokenCount) + Number(wire.thoughtsTokenCount));
    expect(usage.totalTokens).toBe(usage.inputTokens + usage.outputTokens + usage.toolUseInputTokens);
    expect(record).toMatchObject({
      route: 'native',
      operation: 'generateContent',
      model: 'gemini-2.5-flash',
      cacheHit: false,
      errorClass: undefined,
      requestId: response.requestId,
    });
    expect(record!.costUsd).toBeGreaterThan(0);
  });

  it('records the implicit cache hit of a repeated prefix as cached input, inside the input', async () => {
    const ledger = usageLedger({ logger: quiet });
    const gemini = mock.native({ middleware: [ledger] });
    await gemini.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: `${longDocument} First question?`,
    });
    await gemini.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: `${longDocument} Second question?`,
    });
    const [first, second] = await ledger.records();
    expect(first!.usage!.cachedInputTokens).toBe(0);
    expect(second!.usage!.cachedInputTokens).toBeGreaterThan(0);
    expect(second!.usage!.cachedInputTokens).toBeLessThanOrEqual(second!.usage!.inputTokens);
    // Cached tokens cost a quarter: the second call is cheaper for the same input size.
    expect(second!.costUsd!).toBeLessThan(first!.costUsd!);
  });

  it('records a stream when it ends, with its last usage, equal to the whole answer’s', async () => {
    const ledger = usageLedger({ logger: quiet });
    const gemini = mock.native({ middleware: [ledger] });
    const whole = await gemini.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Tell a story',
    });
    const stream = gemini.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'Tell a story',
    });
    for await (const _chunk of stream) {
      // read to the end
    }
    const records = await ledger.records();
    expect(records).toHaveLength(2);
    expect(records[1]!.operation).toBe('streamGenerateContent');
    expect(records[1]!.usage).toEqual(convertGeminiUsage({ usageMetadata: whole.usageMetadata }));
  });
});

describe('usage on the OpenAI-compatible route', () => {
  it.each(['completion-includes-reasoning', 'completion-excludes-reasoning', 'reasoning-only-in-total'])(
    'counts thinking in the output when the upstream reports it as %s',
    async (style) => {
      const ledger = usageLedger({ logger: quiet });
      const client = mock.openai({ middleware: [ledger] });
      const completion = await client.chat.completions.create(
        {
          model: 'gemini-2.5-flash',
          messages: [{ role: 'user', content: 'Think about rivers.' }],
          reasoning_effort: 'low',
        },
        { headers: { 'x-mock-usage-style': style } },
      );
      const [record] = await ledger.records();
      const usage = record!.usage!;
      expect(usage).toEqual(convertOpenAIUsage({ usage: completion.raw.usage }));
      expect(usage.reasoningTokens).toBeGreaterThan(0);
      expect(usage.outputTokens).toBeGreaterThan(usage.reasoningTokens);
      expect(usage.totalTokens).toBe(usage.inputTokens + usage.outputTokens);
      expect(record).toMatchObject({ route: 'openai', operation: 'chat.completions' });
    },
  );
});

describe('usageLedger', () => {
  it('bills a response-cache hit zero tokens and keeps the answer’s own usage apart', async () => {
    const ledger = usageLedger({ logger: quiet, keyId: keyIdOf({ apiKey: testApiKey }) });
    const cache = responseCache();
    const gemini = mock.native({ middleware: [ledger, cache] });
    await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Cache me' });
    await vi.waitFor(() => expect(cache.stats().stored).toBe(1));
    await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Cache me' });
    const [miss, hit] = await ledger.records();
    expect(hit).toMatchObject({ cacheHit: true, costUsd: 0 });
    expect(hit!.usage!.totalTokens).toBe(0);
    expect(hit!.answerUsage).toEqual(miss!.usage);
    expect(hit!.keyId).toMatch(/^key_[0-9a-f]{12}$/);
    expect(JSON.stringify(await ledger.records())).not.toContain(testApiKey);
  });

  it('writes through a sink’s writeSync when it has one, and a failing one only warns', async () => {
    const written: unknown[] = [];
    let failing = false;
    const sink: LedgerSink = {
      writeSync(record) {
        if (failing) throw new Error('disk full');
        written.push(record);
      },
      write: async () => {
        throw new Error('write is not called when writeSync exists');
      },
      read: async () => written as never,
    };
    const warn = vi.fn();
    const ledger = usageLedger({ sink, logger: { warn } });
    const gemini = mock.native({ middleware: [ledger] });
    await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' });
    // Written before the call returned: no promise to wait for.
    expect(written).toHaveLength(1);
    failing = true;
    const answer = await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi again' });
    expect(answer.text).toBeTruthy();
    expect(warn).toHaveBeenCalledWith('gemgate usage ledger: a record could not be written', {
      error: 'disk full',
    });
    expect(written).toHaveLength(1);
  });

  it('records a failed call with its error class', async () => {
    const ledger = usageLedger({ logger: quiet });
    const gemini = mock.native({ middleware: [ledger] });
    await expect(
      gemini.models.generateContent({
        model: 'gemini-2.5-flash',
        contents: 'Hi',
        config: { httpOptions: { headers: { 'x-mock-fault': '503' } } },
      }),
    ).rejects.toSatisfy((error) => ServerError.isInstance(error));
    const [record] = await ledger.records();
    expect(record).toMatchObject({ errorClass: 'ServerError', usage: undefined, costUsd: undefined });
  });

  it('warns with both numbers when a reported total does not add up', async () => {
    const warn = vi.fn();
    const ledger = usageLedger({ logger: { warn } });
    const upstream = async () => ({
      kind: 'json' as const,
      status: 200,
      headers: {},
      requestId: undefined,
      body: { usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 20 } },
    });
    await ledger(
      {
        method: 'POST',
        path: 'v1beta/models/gemini-2.5-flash:generateContent',
        context: { route: 'native', operation: 'generateContent', model: 'gemini-2.5-flash', stream: false },
      },
      upstream,
    );
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/20 tokens is 5 more than .* = 15/),
      expect.anything(),
    );
    expect((await ledger.records())[0]!.usageWarning).toMatch(/20/);
  });
});

describe('ledger sinks', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let directory: string;
  beforeAll(async () => {
    redisServer = await startRedisServer();
    redis = new Redis(redisServer.url, { lazyConnect: true });
    await redis.connect();
    directory = await mkdtemp(join(tmpdir(), 'gemgate-ledger-'));
  });
  afterAll(async () => {
    redis.disconnect();
    await redisServer.stop();
    await rm(directory, { recursive: true, force: true });
  });

  const sinks: Array<[string, () => LedgerSink]> = [
    ['memory', () => memorySink()],
    ['JSONL file', () => jsonlSink({ path: join(directory, `ledger-${Math.random()}.jsonl`) })],
    ['Redis', () => redisSink({ redis, key: `ledger:${Math.random()}` })],
  ];

  it.each(sinks)('%s: one record per call, totals by model, key and day', async (_name, makeSink) => {
    const sink = makeSink();
    const ledgerA = usageLedger({ sink, keyId: 'team-a', logger: quiet });
    const ledgerB = usageLedger({ sink, keyId: 'team-b', logger: quiet });
    await mock
      .native({ middleware: [ledgerA] })
      .models.generateContent({ model: 'gemini-2.5-flash', contents: 'One' });
    await mock
      .native({ middleware: [ledgerA] })
      .models.generateContent({ model: 'gemini-2.5-pro', contents: 'Two' });
    await mock
      .openai({ middleware: [ledgerB] })
      .chat.completions.create({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Three' }] });
    await ledgerA.flush();
    await ledgerB.flush();
    const records = await sink.read();
    expect(records).toHaveLength(3);
    const byModel = await ledgerA.totals({ by: 'model' });
    expect(byModel['gemini-2.5-flash']?.calls).toBe(2);
    expect(byModel['gemini-2.5-pro']?.calls).toBe(1);
    const byKey = await ledgerA.totals({ by: 'keyId' });
    expect(byKey['team-a']?.calls).toBe(2);
    expect(byKey['team-b']?.usage.inputTokens).toBe(records[2]!.usage!.inputTokens);
    const byDay = await ledgerA.totals({ by: 'day' });
    expect(Object.keys(byDay)).toEqual([records[0]!.time.slice(0, 10)]);
    const { all } = await ledgerA.totals();
    expect(all?.costUsd).toBeCloseTo(
      records.reduce((sum, record) => sum + (record.costUsd ?? 0), 0),
      12,
    );
  });

  it('JSONL: appends one line per record and skips a torn last line', async () => {
    const path = join(directory, 'torn.jsonl');
    const sink = jsonlSink({ path });
    const ledger = usageLedger({ sink, logger: quiet });
    await mock
      .native({ middleware: [ledger] })
      .models.generateContent({ model: 'gemini-2.5-flash', contents: 'One' });
    await ledger.flush();
    const { appendFile } = await import('node:fs/promises');
    await appendFile(path, '{"time":"2026-');
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(2);
    expect(await sink.read()).toHaveLength(1);
  });
});
