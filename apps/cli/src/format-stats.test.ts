import { describe, expect, it } from 'vitest';
import { formatStats } from './format-stats.js';

const usage = {
  inputTokens: 120,
  outputTokens: 80,
  reasoningTokens: 30,
  cachedInputTokens: 100,
  toolUseInputTokens: 0,
  totalTokens: 200,
};

describe('formatStats', () => {
  it('shows tokens in/out/thinking/cached, cost, cache hit and latency', () => {
    expect(
      formatStats({
        usage,
        costUsd: 0.000123,
        cacheHit: true,
        latencyMs: 412.4,
        route: 'native',
        model: 'gemini-2.5-flash',
      }),
    ).toBe(
      'gemini-2.5-flash (native) · in 120 · out 80 · thinking 30 · cached 100 · ~$0.000123 · cache hit · 412 ms',
    );
  });

  it('leaves out what is unknown', () => {
    expect(
      formatStats({
        usage: undefined,
        costUsd: undefined,
        cacheHit: false,
        latencyMs: 5,
        route: 'openai',
        model: 'x',
      }),
    ).toBe('x (openai) · no usage reported · 5 ms');
  });
});
