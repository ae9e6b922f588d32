import { describe, expect, it } from 'vitest';
import { checkUsage } from './check-usage.js';
import { emptyUsage } from './usage.js';

describe('checkUsage', () => {
  it('says nothing about a usage that adds up, tool-use input included', () => {
    expect(
      checkUsage({
        usage: { ...emptyUsage(), inputTokens: 10, outputTokens: 5, toolUseInputTokens: 2, totalTokens: 17 },
      }),
    ).toBeUndefined();
    expect(checkUsage({ usage: emptyUsage() })).toBeUndefined();
  });

  it('reports a total above its parts with both numbers and the difference', () => {
    const mismatch = checkUsage({
      usage: { ...emptyUsage(), inputTokens: 35, outputTokens: 12, totalTokens: 109 },
    });
    expect(mismatch).toEqual({
      expected: 47,
      reported: 109,
      difference: 62,
      message: 'The reported total of 109 tokens is 62 more than input + output + tool-use input = 47.',
    });
  });

  it('reports a total below its parts as a negative difference', () => {
    const mismatch = checkUsage({
      usage: { ...emptyUsage(), inputTokens: 10, outputTokens: 10, totalTokens: 15 },
    });
    expect(mismatch).toMatchObject({ expected: 20, reported: 15, difference: -5 });
    expect(mismatch?.message).toContain('5 fewer');
  });
});
