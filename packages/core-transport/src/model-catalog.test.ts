import { describe, expect, it } from 'vitest';
import { checkThinking, gatewayVariantOf, lookupModel, reasoningEffortBudgets } from './model-catalog.js';

describe('lookupModel', () => {
  it('resolves families, most specific first', () => {
    expect(lookupModel('gemini-2.5-flash-lite')?.family).toBe('gemini-2.5-flash-lite');
    expect(lookupModel('gemini-2.5-flash-preview-04-17')?.family).toBe('gemini-2.5-flash');
    expect(lookupModel('models/gemini-2.5-pro')?.id).toBe('gemini-2.5-pro');
    expect(lookupModel('gemini-3-pro-preview')?.thinking.levels).toEqual(['low', 'high']);
    expect(lookupModel('text-embedding-004')?.kind).toBe('embed');
  });

  it('serves -nothink and -search ids only on the OpenAI route', () => {
    const nothink = lookupModel('gemini-2.5-flash-preview-04-17-nothink');
    expect(nothink?.variant).toBe('nothink');
    expect(nothink?.baseId).toBe('gemini-2.5-flash-preview-04-17');
    expect(nothink?.routes).toEqual(['openai']);
    expect(lookupModel('gemini-2.0-flash-search')?.routes).toEqual(['openai']);
    expect(lookupModel('gemini-2.0-flash')?.routes).toEqual(['native', 'openai']);
    expect(gatewayVariantOf('some-unknown-model-search')).toBe('search');
  });

  it('lets unknown models pass through', () => {
    expect(lookupModel('gpt-4o')).toBeUndefined();
    expect(checkThinking({ model: 'gpt-4o', thinking: { thinkingBudget: 99_999 } })).toEqual([]);
  });

  it('knows the token limits', () => {
    expect(lookupModel('gemini-2.5-flash')?.inputTokenLimit).toBe(1_048_576);
    expect(lookupModel('gemini-2.0-flash')?.outputTokenLimit).toBe(8192);
  });
});

describe('checkThinking', () => {
  it('refuses to turn off thinking on 2.5 Pro and discourages setting a budget', () => {
    expect(checkThinking({ model: 'gemini-2.5-pro', thinking: { thinkingBudget: 0 } })).toMatchObject([
      { severity: 'error', field: 'thinkingBudget' },
    ]);
    expect(checkThinking({ model: 'gemini-2.5-pro', thinking: { thinkingBudget: 2048 } })).toMatchObject([
      { severity: 'warning', field: 'thinkingBudget' },
    ]);
  });

  it('accepts 0, -1 and in-range budgets on 2.5 Flash, refuses out-of-range ones', () => {
    for (const budget of [0, -1, 1024, 16_384]) {
      expect(checkThinking({ model: 'gemini-2.5-flash', thinking: { thinkingBudget: budget } })).toEqual([]);
    }
    for (const budget of [24_577, -2, 1.5]) {
      expect(
        checkThinking({ model: 'gemini-2.5-flash', thinking: { thinkingBudget: budget } })[0]?.severity,
      ).toBe('error');
    }
  });

  it('warns, without refusing, above the 16K the gateway documents for 2.5 Flash', () => {
    for (const budget of [16_385, 24_576]) {
      const issues = checkThinking({ model: 'gemini-2.5-flash', thinking: { thinkingBudget: budget } });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ severity: 'warning', field: 'thinkingBudget' });
      expect(issues[0]?.message).toContain('16384');
    }
  });

  it('refuses thinkingLevel and thinkingBudget together, and unknown levels', () => {
    const both = checkThinking({
      model: 'gemini-3-pro-preview',
      thinking: { thinkingBudget: 1024, thinkingLevel: 'high' },
    });
    expect(both.some((issue) => issue.message.includes('not both'))).toBe(true);
    expect(
      checkThinking({ model: 'gemini-3-pro-preview', thinking: { thinkingLevel: 'medium' } })[0]?.field,
    ).toBe('thinkingLevel');
    expect(
      checkThinking({ model: 'gemini-2.5-flash', thinking: { thinkingLevel: 'low' } })[0]?.message,
    ).toContain('use thinkingBudget instead');
  });

  it('refuses thoughts on a model that does not think', () => {
    expect(checkThinking({ model: 'gemini-2.0-flash', thinking: { includeThoughts: true } })[0]?.field).toBe(
      'includeThoughts',
    );
    expect(checkThinking({ model: 'gemini-2.0-flash', thinking: { thinkingBudget: 0 } })).toEqual([]);
  });

  it("follows Google's reasoning_effort table", () => {
    expect(reasoningEffortBudgets).toMatchObject({ none: 0, low: 1024, medium: 8192, high: 24_576 });
  });
});

describe('the late-2026 families', () => {
  it('resolves 3.x, 3.7/3.8 Flash and Gemini 4 ids to their own families', () => {
    expect(lookupModel('gemini-3.1-pro-preview')?.family).toBe('gemini-3.1-pro');
    expect(lookupModel('gemini-3-pro-preview')?.family).toBe('gemini-3-pro');
    expect(lookupModel('gemini-3.8-flash')?.thinking.defaultLevel).toBe('medium');
    expect(lookupModel('gemini-3.7-flash')?.family).toBe('gemini-3.7-flash');
    expect(lookupModel('gemini-3.6-flash')?.family).toBe('gemini-3-flash');
    expect(lookupModel('gemini-3.5-flash-lite')?.family).toBe('gemini-3-flash');
    expect(lookupModel('gemini-4-argon')?.explicitCaching).toBe(false);
    expect(lookupModel('gemini-2.5-flash')?.deprecation).toContain('retired');
  });

  it('remembers answers as frozen objects', () => {
    const first = lookupModel('gemini-4-argon');
    expect(Object.isFrozen(first)).toBe(true);
    expect(lookupModel('gemini-4-argon')).toBe(first);
  });
});
