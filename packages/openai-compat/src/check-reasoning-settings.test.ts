import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { checkReasoningSettings } from './check-reasoning-settings.js';

function argumentOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error.argument;
    throw error;
  }
  return undefined;
}

describe('checkReasoningSettings', () => {
  it('rejects reasoning_effort on a -nothink id, and says which id thinks', () => {
    const run = () =>
      checkReasoningSettings({
        params: { model: 'gemini-2.5-flash-preview-04-17-nothink', reasoning_effort: 'low' },
      });
    expect(run).toThrow(/use gemini-2\.5-flash-preview-04-17 to think/);
    expect(argumentOf(run)).toBe('reasoning_effort');
  });

  it('accepts reasoning_effort "none" and a zero budget on a -nothink id', () => {
    expect(
      argumentOf(() =>
        checkReasoningSettings({
          params: {
            model: 'gemini-2.5-flash-nothink',
            reasoning_effort: 'none',
          },
        }),
      ),
    ).toBeUndefined();
    expect(
      argumentOf(() =>
        checkReasoningSettings({
          params: {
            model: 'gemini-2.5-flash-nothink',
            extra_body: { google: { thinking_config: { thinking_budget: 0 } } },
          },
        }),
      ),
    ).toBeUndefined();
  });

  it('rejects a positive thinking budget on a -nothink id', () => {
    expect(
      argumentOf(() =>
        checkReasoningSettings({
          params: {
            model: 'gemini-2.5-flash-nothink',
            extra_body: { google: { thinking_config: { thinking_budget: 512 } } },
          },
        }),
      ),
    ).toBe('extra_body.google.thinking_config');
  });

  it('checks reasoning_effort against the model family', () => {
    // 2.5 Pro cannot turn thinking off.
    expect(
      argumentOf(() =>
        checkReasoningSettings({ params: { model: 'gemini-2.5-pro', reasoning_effort: 'none' } }),
      ),
    ).toBe('reasoning_effort');
    // 2.0 Flash does not think.
    expect(
      argumentOf(() =>
        checkReasoningSettings({ params: { model: 'gemini-2.0-flash', reasoning_effort: 'high' } }),
      ),
    ).toBe('reasoning_effort');
    expect(
      argumentOf(() =>
        checkReasoningSettings({ params: { model: 'gemini-2.5-flash-search', reasoning_effort: 'high' } }),
      ),
    ).toBeUndefined();
  });

  it('passes unknown models through unchecked', () => {
    expect(
      argumentOf(() =>
        checkReasoningSettings({
          params: { model: 'gemini-9-ultra-experimental', reasoning_effort: 'minimal' },
        }),
      ),
    ).toBeUndefined();
  });

  it('rejects reasoning_effort together with a thinking budget', () => {
    expect(
      argumentOf(() =>
        checkReasoningSettings({
          params: {
            model: 'gemini-2.5-flash',
            reasoning_effort: 'low',
            extra_body: { google: { thinking_config: { thinking_budget: 512 } } },
          },
        }),
      ),
    ).toBe('reasoning_effort');
  });

  it("refuses thinking_budget with thinking_level on every model, with the native client's message", () => {
    for (const model of ['gemini-3-pro-preview', 'gemini-9-ultra-experimental']) {
      let caught: unknown;
      try {
        checkReasoningSettings({
          params: {
            model,
            extra_body: { google: { thinking_config: { thinking_budget: 1024, thinking_level: 'high' } } },
          },
        });
      } catch (error) {
        caught = error;
      }
      expect(InvalidArgumentError.isInstance(caught)).toBe(true);
      expect(caught).toMatchObject({ argument: 'extra_body.google.thinking_config.thinking_level' });
      // Word for word what the native client says for config.thinkingConfig.
      expect((caught as Error).message).toBe(
        'Set either a thinking level or a thinking budget, not both: the upstream rejects a request with both, whatever the model.',
      );
    }
  });

  it('checks thinking_config budgets with the catalog rules', () => {
    expect(
      argumentOf(() =>
        checkReasoningSettings({
          params: {
            model: 'gemini-2.5-flash',
            extra_body: { google: { thinking_config: { thinking_budget: 100_000 } } },
          },
        }),
      ),
    ).toBe('extra_body.google.thinking_config.thinking_budget');
  });
  it('accepts thinking_level in the official upper case (ThinkingLevel.HIGH) as in lower case, on Gemini 3', () => {
    for (const level of ['HIGH', 'high', 'Low', 'LOW']) {
      expect(
        argumentOf(() =>
          checkReasoningSettings({
            params: {
              model: 'gemini-3-pro-preview',
              extra_body: { google: { thinking_config: { thinking_level: level } } },
            },
          }),
        ),
      ).toBeUndefined();
    }
    // A level the model does not take is refused, whatever its case.
    expect(
      argumentOf(() =>
        checkReasoningSettings({
          params: {
            model: 'gemini-3-pro-preview',
            extra_body: { google: { thinking_config: { thinking_level: 'MEDIUM' } } },
          },
        }),
      ),
    ).toBe('extra_body.google.thinking_config.thinking_level');
  });
});
