import { describe, expect, it } from 'vitest';
import { convertOpenAIUsage } from './convert-openai-usage.js';

describe('convertOpenAIUsage', () => {
  it('reads prompt_tokens as input and completion_tokens as output (the seed swaps them)', () => {
    // The seed's own example output: completion_tokens=28, prompt_tokens=111, total_tokens=139.
    expect(
      convertOpenAIUsage({ usage: { prompt_tokens: 111, completion_tokens: 28, total_tokens: 139 } }),
    ).toEqual({
      inputTokens: 111,
      outputTokens: 28,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      toolUseInputTokens: 0,
      totalTokens: 139,
    });
  });

  it('keeps completion_tokens as output when the total shows it already includes reasoning', () => {
    const usage = convertOpenAIUsage({
      usage: {
        prompt_tokens: 10,
        completion_tokens: 50,
        total_tokens: 60,
        completion_tokens_details: { reasoning_tokens: 30 },
      },
    });
    expect(usage).toMatchObject({ outputTokens: 50, reasoningTokens: 30, totalTokens: 60 });
  });

  it('adds reasoning to output when the total shows completion_tokens excluded it', () => {
    const usage = convertOpenAIUsage({
      usage: {
        prompt_tokens: 10,
        completion_tokens: 20,
        total_tokens: 60,
        completion_tokens_details: { reasoning_tokens: 30 },
      },
    });
    expect(usage).toMatchObject({ outputTokens: 50, reasoningTokens: 30, totalTokens: 60 });
  });

  it('reads cached input from prompt_tokens_details and tolerates null details', () => {
    expect(
      convertOpenAIUsage({
        usage: {
          prompt_tokens: 2000,
          completion_tokens: 5,
          total_tokens: 2005,
          prompt_tokens_details: { cached_tokens: 1536 },
          completion_tokens_details: null,
        },
      }),
    ).toMatchObject({ inputTokens: 2000, cachedInputTokens: 1536, reasoningTokens: 0 });
  });
});
