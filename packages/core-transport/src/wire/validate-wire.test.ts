import { describe, expect, it } from 'vitest';
import { ResponseValidationError } from '../errors.js';
import { generateContentResponseShape } from './gemini-response.js';
import { chatCompletionShape } from './openai-response.js';
import { validateWire } from './validate-wire.js';

function caught(run: () => unknown): ResponseValidationError {
  try {
    run();
  } catch (error) {
    if (ResponseValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ResponseValidationError');
}

describe('validateWire', () => {
  it('hands back the body itself, unknown fields included', () => {
    const body = { candidates: [{ content: { parts: [{ text: 'Hi', future: 1 }] } }], extra: true };
    expect(validateWire({ shape: generateContentResponseShape, body, what: 'answer' })).toBe(body);
  });

  it('names the dotted path of a malformed chat completion', () => {
    const body = {
      id: 'x',
      object: 'chat.completion',
      created: 1,
      model: 'gemini-2.5-flash',
      choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [{ id: 'c' }] } }],
    };
    const error = caught(() =>
      validateWire({ shape: chatCompletionShape, body, what: 'chat completion', requestId: 'r1' }),
    );
    expect(error.path).toBe('choices.0.message.tool_calls.0.function');
    expect(error.requestId).toBe('r1');
    expect(error.message).toContain('chat completion');
  });

  it('sends a body the fast path cannot vouch for to zod, which still accepts int64 strings', () => {
    const body = { usageMetadata: { promptTokenCount: '12', totalTokenCount: '20' } };
    expect(generateContentResponseShape.isCommonShape?.(body)).toBe(false);
    expect(validateWire({ shape: generateContentResponseShape, body, what: 'answer' })).toBe(body);
  });

  it('refuses a token count that is not a number or digits, naming its path', () => {
    const error = caught(() =>
      validateWire({
        shape: generateContentResponseShape,
        body: { usageMetadata: { totalTokenCount: 'many' } },
        what: 'answer',
      }),
    );
    expect(error.path).toBe('usageMetadata.totalTokenCount');
  });
});

describe('validateWire, for a body inside something larger', () => {
  it('puts `at` before the path at fault', () => {
    const error = caught(() =>
      validateWire({
        shape: generateContentResponseShape,
        body: { candidates: 'x' },
        what: 'chunk',
        at: 'events.3',
      }),
    );
    expect(error.path).toBe('events.3.candidates');
  });
});
