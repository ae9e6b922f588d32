import { describe, expect, it } from 'vitest';
import { lookupModel } from '../model-catalog.js';
import { lintRequest } from './lint-request.js';
import { retiredModelOf } from './retired-models.js';

const errorsOf = (issues: ReturnType<typeof lintRequest>) =>
  issues.filter((issue) => issue.severity === 'error');

describe('lintRequest: thinking levels per family', () => {
  it.each([
    ['gemini-3-pro-preview', ['low', 'high'], ['minimal', 'medium', 'xhigh']],
    ['gemini-3.1-pro-preview', ['low', 'medium', 'high'], ['minimal', 'xhigh']],
    ['gemini-3.7-flash', ['low', 'medium', 'high'], ['minimal', 'xhigh']],
    ['gemini-3.8-flash', ['low', 'medium', 'high'], ['minimal', 'xhigh']],
    ['gemini-3-flash-preview', ['minimal', 'low', 'medium', 'high'], ['xhigh']],
    ['gemini-4-argon', ['low', 'medium', 'high', 'xhigh'], ['minimal']],
  ])('%s takes %j and refuses %j, naming the model and the accepted values', (model, accepted, refused) => {
    for (const level of accepted) {
      expect(errorsOf(lintRequest({ model, request: { thinking: { thinkingLevel: level } } }))).toEqual([]);
    }
    for (const level of refused) {
      const [error] = errorsOf(lintRequest({ model, request: { thinking: { thinkingLevel: level } } }));
      expect(error?.field).toBe('thinkingLevel');
      expect(error?.message).toContain(model);
      expect(error?.message).toContain(accepted.join(', '));
    }
  });

  it('with fix, sends the nearest accepted level and says so', () => {
    const [issue] = lintRequest({
      model: 'gemini-3.8-flash',
      request: { thinking: { thinkingLevel: 'minimal' } },
      fix: true,
    });
    expect(issue).toMatchObject({
      severity: 'warning',
      field: 'thinkingLevel',
      adjustment: { value: 'low' },
    });
    expect(issue?.message).toContain('Adjusted');
    expect(
      lintRequest({
        model: 'gemini-3-pro-preview',
        request: { thinking: { thinkingLevel: 'medium' } },
        fix: true,
      })[0]?.adjustment,
    ).toEqual({ value: 'high' });
  });
});

describe('lintRequest: Gemini 4', () => {
  it('refuses thinkingBudget, and removes it with fix', () => {
    const [refused] = lintRequest({
      model: 'gemini-4-argon',
      request: { thinking: { thinkingBudget: 1024 } },
    });
    expect(refused).toMatchObject({ severity: 'error', field: 'thinkingBudget' });
    expect(refused?.message).toContain('low, medium, high, xhigh');
    const [fixed] = lintRequest({
      model: 'gemini-4-argon',
      request: { thinking: { thinkingBudget: 1024 } },
      fix: true,
    });
    expect(fixed).toMatchObject({ severity: 'warning', adjustment: { remove: true } });
  });

  it('refuses an explicit cache even with fix (the cache holds context)', () => {
    for (const fix of [false, true]) {
      const [issue] = lintRequest({
        model: 'gemini-4-argon',
        request: { cachedContent: 'cachedContents/abc' },
        fix,
      });
      expect(issue).toMatchObject({ severity: 'error', field: 'cachedContent' });
    }
    expect(
      lintRequest({ model: 'gemini-3.8-flash', request: { cachedContent: 'cachedContents/abc' } }),
    ).toEqual([]);
  });
});

describe('lintRequest: Gemini 3+ generation rules', () => {
  it('warns on sampling parameters, and removes them with fix', () => {
    const issues = lintRequest({
      model: 'gemini-3.8-flash',
      request: { temperature: 0.2, topP: 0.9, topK: 5 },
    });
    expect(issues.map((issue) => [issue.severity, issue.field])).toEqual([
      ['warning', 'temperature'],
      ['warning', 'topP'],
      ['warning', 'topK'],
    ]);
    const fixed = lintRequest({ model: 'gemini-3.8-flash', request: { temperature: 0.2 }, fix: true });
    expect(fixed[0]?.adjustment).toEqual({ remove: true });
    expect(lintRequest({ model: 'gemini-2.0-flash', request: { temperature: 0.2 } })).toEqual([]);
  });

  it('warns on several candidates and on a prefilled model turn', () => {
    expect(lintRequest({ model: 'gemini-4-argon', request: { candidateCount: 2 } })[0]?.field).toBe(
      'candidateCount',
    );
    expect(lintRequest({ model: 'gemini-4-argon', request: { candidateCount: 1 } })).toEqual([]);
    expect(
      lintRequest({ model: 'gemini-3-pro-preview', request: { lastTurnRole: 'model' } })[0],
    ).toMatchObject({
      severity: 'warning',
      field: 'contents',
    });
  });

  it('refuses per-part mediaResolution before Gemini 3, and ULTRA_HIGH request-wide', () => {
    expect(
      errorsOf(lintRequest({ model: 'gemini-2.0-flash', request: { partsWithMediaResolution: 1 } }))[0]
        ?.field,
    ).toBe('partMediaResolution');
    expect(lintRequest({ model: 'gemini-3.8-flash', request: { partsWithMediaResolution: 2 } })).toEqual([]);
    const [ultra] = lintRequest({
      model: 'gemini-3.8-flash',
      request: { mediaResolution: 'MEDIA_RESOLUTION_ULTRA_HIGH' },
    });
    expect(ultra).toMatchObject({ severity: 'error', field: 'mediaResolution' });
    const [removed] = lintRequest({
      model: 'gemini-3.8-flash',
      request: { mediaResolution: 'ultra_high' },
      fix: true,
    });
    expect(removed?.adjustment).toEqual({ remove: true });
  });

  it('refuses maxOutputTokens above the limit, and clamps it with fix', () => {
    const [refused] = lintRequest({ model: 'gemini-3.8-flash', request: { maxOutputTokens: 100_000 } });
    expect(refused?.message).toContain('65536');
    const [fixed] = lintRequest({
      model: 'gemini-3.8-flash',
      request: { maxOutputTokens: 100_000 },
      fix: true,
    });
    expect(fixed?.adjustment).toEqual({ value: 65_536 });
    expect(lintRequest({ model: 'gemini-4-argon', request: { maxOutputTokens: 100_000 } })).toEqual([]);
  });
});

describe('lintRequest: model ids', () => {
  it('reports a retired alias and keeps the id as given', () => {
    const [issue] = lintRequest({ model: 'gemini-3.5-flash', request: {} });
    expect(issue).toMatchObject({ severity: 'warning', field: 'model' });
    expect(issue?.message).toContain('gemini-3.6-flash');
    expect(issue?.adjustment).toBeUndefined();
    expect(retiredModelOf({ model: 'models/gemini-3.5-flash' })?.servedAs).toBe('gemini-3.6-flash');
  });

  it('accepts 2.5 ids with a deprecation note', () => {
    const issues = lintRequest({
      model: 'gemini-2.5-flash',
      request: { thinking: { thinkingBudget: 1024 } },
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', field: 'model' });
    expect(issues[0]?.message).toContain('retired');
  });

  it('lets unknown models pass unchecked, Live models included', () => {
    expect(lookupModel('gemini-3.8-live')).toBeUndefined();
    expect(
      lintRequest({
        model: 'gemini-3.8-live',
        request: { thinking: { thinkingLevel: 'ultra' }, maxOutputTokens: 10_000_000 },
      }),
    ).toEqual([]);
  });
});
