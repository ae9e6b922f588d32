import { emptyUsage, type Usage } from '@gemgate/core-transport';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costUsd, estimateCost } from './estimate-cost.js';
import { geminiPriceTable, type PriceTable, pricesOf } from './price-table.js';

const usage = (counts: Partial<Usage>): Usage => ({ ...emptyUsage(), ...counts });

describe('estimateCost against a hand-computed table', () => {
  it('bills 2.5 Pro at the base band at exactly 200,000 prompt tokens, cached input at 25%', () => {
    const cost = estimateCost({
      model: 'gemini-2.5-pro',
      usage: usage({
        inputTokens: 200_000,
        cachedInputTokens: 100_000,
        outputTokens: 1_000,
        reasoningTokens: 400,
        totalTokens: 201_000,
      }),
    });
    // 100,000 × $1.25 + 100,000 × $0.3125 + 1,000 × $10 (thinking included), per million
    expect(cost.breakdown.input).toBeCloseTo(0.125, 12);
    expect(cost.breakdown.cachedInput).toBeCloseTo(0.03125, 12);
    expect(cost.breakdown.output).toBeCloseTo(0.01, 12);
    expect(cost.usd).toBeCloseTo(0.16625, 12);
    expect(cost.priceTable).toEqual({ version: geminiPriceTable.version, date: geminiPriceTable.date });
  });

  it('bills the whole call at the higher tier one token above the boundary', () => {
    const cost = estimateCost({
      model: 'gemini-2.5-pro',
      usage: usage({
        inputTokens: 200_001,
        cachedInputTokens: 100_000,
        outputTokens: 1_000,
        totalTokens: 201_001,
      }),
    });
    // 100,001 × $2.50 + 100,000 × $0.625 + 1,000 × $15, per million
    expect(cost.usd).toBeCloseTo(0.2500025 + 0.0625 + 0.015, 12);
  });

  it('bills tool-use input at the input price, and the gateway ids at their model price', () => {
    const counts = usage({
      inputTokens: 1_000,
      toolUseInputTokens: 500,
      outputTokens: 200,
      totalTokens: 1_700,
    });
    const cost = estimateCost({ model: 'gemini-2.5-flash', usage: counts });
    // (1,000 × 0.30 + 500 × 0.30 + 200 × 2.50) / 1e6
    expect(cost.usd).toBeCloseTo(0.00095, 12);
    expect(estimateCost({ model: 'gemini-2.5-flash-nothink', usage: counts }).usd).toBe(cost.usd);
    expect(estimateCost({ model: 'models/gemini-2.5-flash', usage: counts }).usd).toBe(cost.usd);
    // Flash-Lite is its own family, not priced as Flash.
    expect(estimateCost({ model: 'gemini-2.5-flash-lite', usage: counts }).usd).toBeCloseTo(
      (1_500 * 0.1 + 200 * 0.4) / 1e6,
      12,
    );
  });

  it('takes the cached discount from the table, not from code', () => {
    const table: PriceTable = {
      version: 'test-1',
      date: '2026-01-01',
      source: 'hand-made',
      models: { 'my-model': { input: 1, output: 2, cachedInput: 0.1 } },
    };
    const cost = estimateCost({
      model: 'my-model-v2',
      usage: usage({ inputTokens: 1_000_000, cachedInputTokens: 1_000_000 }),
      priceTable: table,
    });
    expect(cost.usd).toBeCloseTo(0.1, 12);
    expect(cost.priceTable).toEqual({ version: 'test-1', date: '2026-01-01' });
  });

  it('gives an unknown model usd undefined and a warning, never a silent zero', () => {
    const cost = estimateCost({ model: 'claude-3-opus', usage: usage({ inputTokens: 10, totalTokens: 10 }) });
    expect(cost.usd).toBeUndefined();
    expect(cost.warning).toMatch(/No price for model "claude-3-opus"/);
  });
});

describe("costUsd, the ledger's cost of a call", () => {
  it('is exactly estimateCost(...).usd for every model of the table, on both sides of every tier', () => {
    const models = Object.keys(geminiPriceTable.models);
    const count = fc.integer({ min: 0, max: 2_000_000 });
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        count,
        count,
        count,
        count,
        (model, input, cached, tool, output) => {
          const counts = usage({
            inputTokens: input,
            cachedInputTokens: cached,
            toolUseInputTokens: tool,
            outputTokens: output,
          });
          const prices = pricesOf({ model, priceTable: geminiPriceTable });
          expect(prices).toBeDefined();
          expect(costUsd({ usage: counts, prices: prices! })).toBe(
            estimateCost({ usage: counts, model }).usd,
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});
