import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUsage } from './check-usage.js';
import { convertOpenAIUsage } from './convert-openai-usage.js';

describe('convertOpenAIUsage', () => {
  it('reads prompt_tokens as input and completion_tokens as output (the gateway docs swap them)', () => {
    // The gateway guide's own example output: completion_tokens=28, prompt_tokens=111, total_tokens=139.
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

  it("finds thinking hidden in total_tokens when no details say so (Google's own OpenAI endpoint)", () => {
    const usage = convertOpenAIUsage({
      usage: { prompt_tokens: 35, completion_tokens: 12, total_tokens: 109 },
    });
    expect(usage).toEqual({
      inputTokens: 35,
      outputTokens: 74,
      reasoningTokens: 62,
      cachedInputTokens: 0,
      toolUseInputTokens: 0,
      totalTokens: 109,
    });
    expect(checkUsage({ usage })).toBeUndefined();
  });

  it('finds hidden thinking when the details are null or say nothing about reasoning', () => {
    for (const completion_tokens_details of [null, {}]) {
      const usage = convertOpenAIUsage({
        usage: { prompt_tokens: 35, completion_tokens: 12, total_tokens: 109, completion_tokens_details },
      });
      expect(usage).toMatchObject({ outputTokens: 74, reasoningTokens: 62 });
    }
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
    expect(usage).toMatchObject({ inputTokens: 10, outputTokens: 50, reasoningTokens: 30, totalTokens: 60 });
    expect(checkUsage({ usage })).toBeUndefined();
  });

  it('adds reasoning to output when the total shows completion_tokens excluded it (xAI style)', () => {
    const usage = convertOpenAIUsage({
      usage: {
        prompt_tokens: 10,
        completion_tokens: 20,
        total_tokens: 60,
        completion_tokens_details: { reasoning_tokens: 30 },
      },
    });
    expect(usage).toMatchObject({ inputTokens: 10, outputTokens: 50, reasoningTokens: 30, totalTokens: 60 });
    expect(checkUsage({ usage })).toBeUndefined();
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
    ).toEqual({
      inputTokens: 2000,
      outputTokens: 5,
      reasoningTokens: 0,
      cachedInputTokens: 1536,
      toolUseInputTokens: 0,
      totalTokens: 2005,
    });
  });

  it('does not invent thinking when the details say there was none: the gap is reported instead', () => {
    const usage = convertOpenAIUsage({
      usage: {
        prompt_tokens: 10,
        completion_tokens: 5,
        total_tokens: 20,
        completion_tokens_details: { reasoning_tokens: 0 },
      },
    });
    expect(usage).toMatchObject({ outputTokens: 5, reasoningTokens: 0, totalTokens: 20 });
    expect(checkUsage({ usage })).toMatchObject({ expected: 15, reported: 20, difference: 5 });
  });

  it('keeps a total that no rule explains as sent, and checkUsage reports the rest', () => {
    const usage = convertOpenAIUsage({
      usage: {
        prompt_tokens: 10,
        completion_tokens: 20,
        total_tokens: 70,
        completion_tokens_details: { reasoning_tokens: 30 },
      },
    });
    expect(usage).toMatchObject({ outputTokens: 50, totalTokens: 70 });
    expect(checkUsage({ usage })).toMatchObject({ expected: 60, reported: 70, difference: 10 });
  });

  it('never loses a token: whichever way thinking is reported, input + output is the total', () => {
    fc.assert(
      fc.property(
        fc.nat(1e6),
        fc.nat(1e6),
        fc.nat(1e6),
        fc.constantFrom('included', 'excluded', 'hidden'),
        (prompt, answer, thinking, style) => {
          const usage = convertOpenAIUsage({
            usage: {
              prompt_tokens: prompt,
              completion_tokens: style === 'included' ? answer + thinking : answer,
              total_tokens: prompt + answer + thinking,
              ...(style === 'hidden' ? {} : { completion_tokens_details: { reasoning_tokens: thinking } }),
            },
          });
          expect(usage.outputTokens).toBe(answer + thinking);
          expect(usage.reasoningTokens).toBe(thinking);
          expect(checkUsage({ usage })).toBeUndefined();
        },
      ),
    );
  });

  it('recomputes a missing total, and gives zeros for a missing usage', () => {
    expect(convertOpenAIUsage({ usage: { prompt_tokens: 4, completion_tokens: 3 } }).totalTokens).toBe(7);
    expect(convertOpenAIUsage({ usage: null })).toEqual({
      inputTokens: 0,
      outputTokens: 0,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      toolUseInputTokens: 0,
      totalTokens: 0,
    });
  });

  it('accepts a whole completion, whose field has the parameter name', () => {
    const completion = { id: 'x', usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } };
    expect(convertOpenAIUsage(completion).outputTokens).toBe(1);
  });
});
