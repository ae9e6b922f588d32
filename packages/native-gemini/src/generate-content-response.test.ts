import { ResponseValidationError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GenerateContentResponse } from './generate-content-response.js';
import type { Part } from './wire-types.js';

function responseOf(parts: Part[], extra: Record<string, unknown> = {}) {
  return new GenerateContentResponse({
    raw: { candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP' }], ...extra },
    ...extra,
  });
}

describe('GenerateContentResponse', () => {
  it('keeps thoughts out of text and in thoughts', () => {
    const response = responseOf([
      { text: 'Let me think. ', thought: true },
      { text: 'Hello' },
      { text: 'More thinking', thought: true },
      { text: ' world' },
    ]);
    expect(response.text).toBe('Hello world');
    expect(response.thoughts).toBe('Let me think. More thinking');
  });

  it('lists function calls with id, args and the signature of their part', () => {
    const response = responseOf([
      { functionCall: { id: 'c1', name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'sig1' },
      { functionCall: { name: 'get_time' } },
    ]);
    expect(response.functionCalls).toEqual([
      { id: 'c1', name: 'get_weather', args: { city: 'Paris' }, thoughtSignature: 'sig1' },
      { id: undefined, name: 'get_time', args: {}, thoughtSignature: undefined },
    ]);
  });

  it('gives functionCalls undefined when there is no call, as @google/genai does', () => {
    // Code written for @google/genai tests `if (response.functionCalls)`; [] would pass that test.
    expect(responseOf([{ text: 'No call here' }]).functionCalls).toBeUndefined();
    expect(new GenerateContentResponse({ raw: {} }).functionCalls).toBeUndefined();
  });

  it('exposes modelVersion and responseId, as @google/genai does', () => {
    const response = new GenerateContentResponse({
      raw: { modelVersion: 'gemini-2.5-flash-001', responseId: 'resp-1' },
    });
    expect(response.modelVersion).toBe('gemini-2.5-flash-001');
    expect(response.responseId).toBe('resp-1');
  });

  it('pairs each piece of code with every result that follows it', () => {
    const response = responseOf([
      { text: 'Computing.' },
      { executableCode: { language: 'PYTHON', code: 'print(1)' } },
      { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '1\n' } },
      { codeExecutionResult: { outcome: 'OUTCOME_OK', output: 'more\n' } },
      { executableCode: { language: 'PYTHON', code: 'print(2)' } },
      { codeExecutionResult: { outcome: 'OUTCOME_FAILED', output: 'Traceback' } },
    ]);
    expect(response.codeExecutions).toEqual([
      {
        code: 'print(1)',
        language: 'PYTHON',
        results: [
          { outcome: 'OUTCOME_OK', output: '1\n' },
          { outcome: 'OUTCOME_OK', output: 'more\n' },
        ],
      },
      { code: 'print(2)', language: 'PYTHON', results: [{ outcome: 'OUTCOME_FAILED', output: 'Traceback' }] },
    ]);
    expect(response.executableCode).toBe('print(1)');
    expect(response.codeExecutionResult).toBe('1\n');
  });

  it('validates parsed with the zod schema, naming the path on a mismatch', () => {
    const schema = z.object({ n: z.number() });
    const good = new GenerateContentResponse({
      raw: { candidates: [{ content: { parts: [{ text: '{"n":1}' }] } }] },
      zodSchema: schema,
    });
    expect(good.parsed).toEqual({ n: 1 });
    const bad = new GenerateContentResponse({
      raw: { candidates: [{ content: { parts: [{ text: '{"n":"one"}' }] } }] },
      zodSchema: schema,
    });
    try {
      void bad.parsed;
      expect.unreachable();
    } catch (error) {
      expect(ResponseValidationError.isInstance(error)).toBe(true);
      expect((error as ResponseValidationError).path).toBe('n');
    }
  });

  it('exposes a prompt block with no candidates', () => {
    const response = new GenerateContentResponse({
      raw: {
        promptFeedback: { blockReason: 'SAFETY' },
        usageMetadata: { promptTokenCount: 8, totalTokenCount: 8 },
      },
    });
    expect(response.promptFeedback?.blockReason).toBe('SAFETY');
    expect(response.text).toBe('');
    expect(response.finishReason).toBeUndefined();
    expect(response.usage.inputTokens).toBe(8);
  });
});
