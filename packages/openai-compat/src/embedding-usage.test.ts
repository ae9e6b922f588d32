import { describe, expect, it } from 'vitest';
import { toEmbeddingUsage } from './embedding-usage.js';

describe('toEmbeddingUsage', () => {
  it('keeps every wire field as sent and adds the neutral counts', () => {
    const usage = toEmbeddingUsage({
      usage: { prompt_tokens: 12, total_tokens: 12, prompt_tokens_details: { cached_tokens: 4 }, tier: 'x' },
    });
    expect(usage).toEqual({
      prompt_tokens: 12,
      total_tokens: 12,
      prompt_tokens_details: { cached_tokens: 4 },
      tier: 'x',
      inputTokens: 12,
      outputTokens: 0,
      reasoningTokens: 0,
      cachedInputTokens: 4,
      toolUseInputTokens: 0,
      totalTokens: 12,
    });
  });

  it('gives undefined for a usage without prompt_tokens, or none', () => {
    expect(toEmbeddingUsage({ usage: { total_tokens: 3 } })).toBeUndefined();
    expect(toEmbeddingUsage({ usage: null })).toBeUndefined();
    expect(toEmbeddingUsage({ usage: undefined })).toBeUndefined();
  });
});
