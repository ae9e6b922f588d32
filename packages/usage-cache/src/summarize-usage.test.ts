import { emptyUsage } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { summarizeUsage, type UsageEntry } from './summarize-usage.js';

const entry = (overrides: Partial<UsageEntry>): UsageEntry => ({
  time: '2026-12-03T10:00:00.000Z',
  model: 'gemini-2.5-flash',
  route: 'native',
  keyId: 'key_a',
  usage: {
    ...emptyUsage(),
    inputTokens: 10,
    outputTokens: 5,
    reasoningTokens: 2,
    cachedInputTokens: 4,
    totalTokens: 15,
  },
  costUsd: 0.001,
  ...overrides,
});

describe('summarizeUsage', () => {
  const entries = [
    entry({}),
    entry({ model: 'gemini-2.5-pro', route: 'openai', keyId: 'key_b', time: '2026-12-04T00:00:01.000Z' }),
    entry({ costUsd: undefined, keyId: undefined }),
  ];

  it('sums every count and the known costs', () => {
    const { all } = summarizeUsage({ entries });
    expect(all).toEqual({
      calls: 3,
      usage: {
        inputTokens: 30,
        outputTokens: 15,
        reasoningTokens: 6,
        cachedInputTokens: 12,
        toolUseInputTokens: 0,
        totalTokens: 45,
      },
      costUsd: 0.002,
      callsWithoutCost: 1,
    });
  });

  it('sums costs without drift: ten calls at $0.1 are $1 exactly', () => {
    const tenCalls = Array.from({ length: 10 }, () => entry({ costUsd: 0.1 }));
    expect(summarizeUsage({ entries: tenCalls }).all?.costUsd).toBe(1);
  });

  it('groups by model, route, key id and UTC day', () => {
    expect(Object.keys(summarizeUsage({ entries, by: 'model' })).sort()).toEqual([
      'gemini-2.5-flash',
      'gemini-2.5-pro',
    ]);
    expect(summarizeUsage({ entries, by: 'route' }).native?.calls).toBe(2);
    expect(summarizeUsage({ entries, by: 'keyId' }).unknown?.calls).toBe(1);
    const byDay = summarizeUsage({ entries, by: 'day' });
    expect(byDay['2026-12-03']?.calls).toBe(2);
    expect(byDay['2026-12-04']?.usage.inputTokens).toBe(10);
  });
});
