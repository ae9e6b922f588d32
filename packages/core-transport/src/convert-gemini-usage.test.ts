import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUsage } from './check-usage.js';
import { convertGeminiUsage, tokenCountToNumber } from './convert-gemini-usage.js';

describe('convertGeminiUsage', () => {
  it('keeps cached tokens inside input and thoughts inside output, each share apart', () => {
    expect(
      convertGeminiUsage({
        usageMetadata: {
          promptTokenCount: 100,
          cachedContentTokenCount: 60,
          candidatesTokenCount: 20,
          thoughtsTokenCount: 30,
          toolUsePromptTokenCount: 5,
          totalTokenCount: 155,
        },
      }),
    ).toEqual({
      inputTokens: 100,
      cachedInputTokens: 60,
      outputTokens: 50,
      reasoningTokens: 30,
      toolUseInputTokens: 5,
      totalTokens: 155,
    });
  });

  it('reads int64 counts sent as strings', () => {
    const usage = convertGeminiUsage({
      usageMetadata: {
        promptTokenCount: '12',
        cachedContentTokenCount: '4',
        candidatesTokenCount: '3',
        thoughtsTokenCount: '7',
        totalTokenCount: '22',
      },
    });
    expect(usage).toEqual({
      inputTokens: 12,
      cachedInputTokens: 4,
      outputTokens: 10,
      reasoningTokens: 7,
      toolUseInputTokens: 0,
      totalTokens: 22,
    });
  });

  it('recomputes a missing total as prompt + candidates + toolUsePrompt + thoughts, and it adds up', () => {
    fc.assert(
      fc.property(
        fc.nat(1e6),
        fc.nat(1e6),
        fc.nat(1e6),
        fc.nat(1e6),
        (prompt, candidates, tool, thoughts) => {
          const usage = convertGeminiUsage({
            usageMetadata: {
              promptTokenCount: prompt,
              candidatesTokenCount: candidates,
              toolUsePromptTokenCount: tool,
              thoughtsTokenCount: thoughts,
            },
          });
          expect(usage.totalTokens).toBe(prompt + candidates + tool + thoughts);
          expect(checkUsage({ usage })).toBeUndefined();
        },
      ),
    );
  });

  it('keeps a reported total that disagrees with its parts, for checkUsage to report', () => {
    const usage = convertGeminiUsage({
      usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 2, totalTokenCount: 30 },
    });
    expect(usage.totalTokens).toBe(30);
    expect(checkUsage({ usage })).toMatchObject({ expected: 12, reported: 30, difference: 18 });
  });

  it('accepts a whole native answer, whose field has the parameter name', () => {
    const answer = { candidates: [], usageMetadata: { promptTokenCount: 3, totalTokenCount: 3 } };
    expect(convertGeminiUsage(answer).inputTokens).toBe(3);
  });

  it('gives zeros for a missing usageMetadata', () => {
    expect(convertGeminiUsage({ usageMetadata: undefined })).toEqual({
      inputTokens: 0,
      outputTokens: 0,
      reasoningTokens: 0,
      cachedInputTokens: 0,
      toolUseInputTokens: 0,
      totalTokens: 0,
    });
  });
});

describe('tokenCountToNumber', () => {
  it('reads numbers and decimal strings; absent or unreadable counts are 0', () => {
    expect(tokenCountToNumber({ count: 7 })).toBe(7);
    expect(tokenCountToNumber({ count: '9007199254740991' })).toBe(9007199254740991);
    expect(tokenCountToNumber({ count: undefined })).toBe(0);
    expect(tokenCountToNumber({ count: null })).toBe(0);
    expect(tokenCountToNumber({ count: 'many' })).toBe(0);
  });
});
