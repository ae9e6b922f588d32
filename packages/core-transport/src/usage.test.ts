import { describe, expect, it } from 'vitest';
import { addUsage, emptyUsage } from './usage.js';

describe('usage', () => {
  it('adds every count', () => {
    const turn = {
      inputTokens: 10,
      outputTokens: 5,
      reasoningTokens: 2,
      cachedInputTokens: 4,
      toolUseInputTokens: 1,
      totalTokens: 16,
    };
    expect(addUsage(turn, turn)).toEqual({
      inputTokens: 20,
      outputTokens: 10,
      reasoningTokens: 4,
      cachedInputTokens: 8,
      toolUseInputTokens: 2,
      totalTokens: 32,
    });
    expect(addUsage(emptyUsage(), turn)).toEqual(turn);
  });
});
