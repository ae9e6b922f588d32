import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertGeminiUsage } from './convert-gemini-usage.js';

describe('convertGeminiUsage', () => {
  it('keeps cached tokens inside input and thoughts inside output, each share apart', () => {
    expect(
      convertGeminiUsage({
        promptTokenCount: 100,
        cachedContentTokenCount: 60,
        candidatesTokenCount: 20,
        thoughtsTokenCount: 30,
        toolUsePromptTokenCount: 5,
        totalTokenCount: 155,
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
      promptTokenCount: '12',
      candidatesTokenCount: '3',
      totalTokenCount: '15',
    });
    expect(usage).toMatchObject({ inputTokens: 12, outputTokens: 3, totalTokens: 15 });
  });

  it('recomputes a missing total as prompt + candidates + toolUsePrompt + thoughts', () => {
    fc.assert(
      fc.property(
        fc.nat(1e6),
        fc.nat(1e6),
        fc.nat(1e6),
        fc.nat(1e6),
        (prompt, candidates, tool, thoughts) => {
          const usage = convertGeminiUsage({
            promptTokenCount: prompt,
            candidatesTokenCount: candidates,
            toolUsePromptTokenCount: tool,
            thoughtsTokenCount: thoughts,
          });
          expect(usage.totalTokens).toBe(prompt + candidates + tool + thoughts);
          expect(usage.totalTokens).toBe(usage.inputTokens + usage.outputTokens + usage.toolUseInputTokens);
        },
      ),
    );
  });

  it('gives zeros for a missing usageMetadata', () => {
    expect(convertGeminiUsage(undefined).totalTokens).toBe(0);
  });
});
