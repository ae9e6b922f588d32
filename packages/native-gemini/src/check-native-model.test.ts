import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it, vi } from 'vitest';
import { checkNativeModel } from './check-native-model.js';

function errorOf(run: () => void): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('checkNativeModel', () => {
  it('refuses -nothink and -search ids and points to the OpenAI-compatible client', () => {
    for (const model of [
      'gemini-2.5-flash-preview-04-17-nothink',
      'gemini-2.0-flash-search',
      'my-model-search',
    ]) {
      const error = errorOf(() => checkNativeModel({ model }));
      expect(error.message).toMatch(/createOpenAICompat/);
      expect(error.message).toMatch(/@gemgate\/openai-compat/);
      expect(error.argument).toBe('model');
    }
  });

  it('refuses turning thinking off on 2.5 Pro', () => {
    const error = errorOf(() =>
      checkNativeModel({ model: 'gemini-2.5-pro', thinking: { thinkingBudget: 0 } }),
    );
    expect(error.argument).toBe('config.thinkingConfig.thinkingBudget');
    expect(error.message).toMatch(/cannot turn thinking off/);
  });

  it('warns, and does not refuse, a budget on 2.5 Pro', () => {
    const logger = { debug: vi.fn(), warn: vi.fn() };
    checkNativeModel({ model: 'gemini-2.5-pro', thinking: { thinkingBudget: 2048 }, logger });
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/advises not to set thinkingBudget/), {
      model: 'gemini-2.5-pro',
      argument: 'config.thinkingConfig.thinkingBudget',
    });
  });

  it('enforces the 2.5 Flash budget range, warning above the 16K the gateway documents', () => {
    const warnings: string[] = [];
    // The 2.5 deprecation note is said on every check here (the client's logger says it once).
    const logger = {
      debug: () => {},
      warn: (message: string) => (message.includes('retired') ? undefined : warnings.push(message)),
    };
    checkNativeModel({ model: 'gemini-2.5-flash', thinking: { thinkingBudget: 0 }, logger });
    checkNativeModel({ model: 'gemini-2.5-flash', thinking: { thinkingBudget: 16_384 }, logger });
    expect(warnings).toEqual([]);
    checkNativeModel({ model: 'gemini-2.5-flash', thinking: { thinkingBudget: 20_000 }, logger });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('16384');
    const error = errorOf(() =>
      checkNativeModel({ model: 'gemini-2.5-flash', thinking: { thinkingBudget: 30_000 } }),
    );
    expect(error.message).toMatch(/out of range/);
  });

  it('refuses thinkingLevel together with thinkingBudget', () => {
    const error = errorOf(() =>
      checkNativeModel({
        model: 'gemini-3-pro-preview',
        thinking: { thinkingBudget: 1024, thinkingLevel: 'high' },
      }),
    );
    expect(error.message).toMatch(/not both/);
  });

  it('lets unknown models through unchecked', () => {
    checkNativeModel({ model: 'some-future-model', thinking: { thinkingBudget: 999_999 } });
    checkNativeModel({ model: 'tunedModels/my-model-7', thinking: { thinkingLevel: 'x' } });
  });

  it('refuses thinkingLevel with thinkingBudget on unknown models too: the upstream always does', () => {
    const error = errorOf(() =>
      checkNativeModel({
        model: 'gemini-9-ultra-preview',
        thinking: { thinkingBudget: 1024, thinkingLevel: 'high' },
      }),
    );
    expect(error.argument).toBe('config.thinkingConfig.thinkingLevel');
    // Word for word what the OpenAI client says for extra_body.google.thinking_config.
    expect(error.message).toBe(
      'Set either a thinking level or a thinking budget, not both: the upstream rejects a request with both, whatever the model.',
    );
  });

  it('refuses ids that would change the URL path (query, fragment, method, traversal)', () => {
    for (const model of [
      'gemini-2.5-flash?key=x',
      'gemini-2.5-flash#x',
      'gemini-2.5-flash:countTokens',
      '../cachedContents',
      'models/../../x',
      'gemini 2.5',
      'a/b/c',
    ]) {
      expect(errorOf(() => checkNativeModel({ model })).argument).toBe('model');
    }
    for (const model of [
      'gemini-2.5-flash',
      'models/gemini-2.5-flash',
      'tunedModels/abc-1',
      'gemma-3-27b-it',
    ]) {
      checkNativeModel({ model });
    }
  });
});
