import type { ModelRegistry } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { estimateCost } from './estimate-cost.js';
import { geminiPriceTable } from './price-table.js';
import { priceTableFromRegistry } from './price-table-from-registry.js';

const usage = {
  inputTokens: 1_000_000,
  cachedInputTokens: 200_000,
  toolUseInputTokens: 0,
  outputTokens: 1_000_000,
  reasoningTokens: 0,
  totalTokens: 2_000_000,
};

function registry(overrides: Partial<ModelRegistry> = {}): ModelRegistry {
  return {
    fetchedAt: '2026-12-03T05:00:00.000Z',
    pricesTrusted: true,
    entries: [
      {
        id: 'gemini-3.8-flash',
        description: '',
        types: ['llm'],
        features: [],
        inputModalities: ['text'],
        contextLength: 1_048_576,
        maxOutput: 65_536,
        pricing: { input: 0.0005, output: 0.003, cacheRead: 0.00005 },
      },
      {
        id: 'gemini-2.5-pro',
        description: '',
        types: ['llm'],
        features: [],
        inputModalities: ['text'],
        contextLength: 1_048_576,
        maxOutput: 65_536,
        pricing: { input: 0.00125, output: 0.01 },
      },
    ],
    ...overrides,
  } as ModelRegistry;
}

describe('priceTableFromRegistry', () => {
  it("prices a model the table lacks from the gateway's per-1K figures, cache reads included", () => {
    const table = priceTableFromRegistry({ registry: registry() });
    expect(table.models['gemini-3.8-flash']).toMatchObject({ input: 0.5, output: 3, cachedInput: 0.05 });
    // By hand: 800k fresh × $0.5/M + 200k cached × $0.05/M + 1M out × $3/M.
    expect(estimateCost({ usage, model: 'gemini-3.8-flash', priceTable: table }).usd).toBeCloseTo(
      0.4 + 0.01 + 3,
      9,
    );
    expect(table.date).toBe('2026-12-03');
    expect(table.version).toContain(geminiPriceTable.version);
  });

  it("keeps the table's tiers for a model the registry reprices, and its cached share when no cache price is given", () => {
    const table = priceTableFromRegistry({ registry: registry() });
    expect(table.models['gemini-2.5-pro']?.cachedInput).toBe(0.3125);
    expect(table.models['gemini-2.5-pro']?.tiers).toEqual(geminiPriceTable.models['gemini-2.5-pro']?.tiers);
  });

  it('ignores prices that failed the unit check', () => {
    expect(priceTableFromRegistry({ registry: registry({ pricesTrusted: false }) })).toBe(geminiPriceTable);
  });
});
