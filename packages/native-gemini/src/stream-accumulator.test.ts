import { describe, expect, it } from 'vitest';
import { StreamAccumulator } from './stream-accumulator.js';
import type { GenerateContentResponseBody } from './wire-types.js';

function fold(chunks: GenerateContentResponseBody[]) {
  const accumulator = new StreamAccumulator();
  for (const chunk of chunks) accumulator.add(chunk);
  return accumulator.result();
}

describe('StreamAccumulator', () => {
  it('concatenates text of the same kind and keeps thoughts apart', () => {
    const result = fold([
      { candidates: [{ content: { role: 'model', parts: [{ text: 'thin', thought: true }] } }] },
      { candidates: [{ content: { role: 'model', parts: [{ text: 'king', thought: true }] } }] },
      { candidates: [{ content: { role: 'model', parts: [{ text: 'Hel' }] } }] },
      { candidates: [{ content: { role: 'model', parts: [{ text: 'lo' }] }, finishReason: 'STOP' }] },
    ]);
    expect(result.candidates?.[0]?.content?.parts).toEqual([
      { text: 'thinking', thought: true },
      { text: 'Hello' },
    ]);
  });

  it('keeps reading after STOP: code-execution parts that follow are kept and the last finish reason wins', () => {
    const result = fold([
      { candidates: [{ content: { parts: [{ text: 'Let me compute.' }] }, finishReason: 'STOP' }] },
      {
        candidates: [{ content: { parts: [{ executableCode: { language: 'PYTHON', code: 'print(2)' } }] } }],
      },
      {
        candidates: [
          { content: { parts: [{ codeExecutionResult: { outcome: 'OUTCOME_OK', output: '2' } }] } },
        ],
      },
      { candidates: [{ content: { parts: [{ text: 'It is 2.' }] }, finishReason: 'STOP' }] },
    ]);
    const candidate = result.candidates?.[0];
    expect(candidate?.content?.parts).toHaveLength(4);
    expect(candidate?.content?.parts?.[3]).toEqual({ text: 'It is 2.' });
    expect(candidate?.finishReason).toBe('STOP');
  });

  it('keeps a last chunk that is an empty text part holding only a thoughtSignature, in place', () => {
    const result = fold([
      { candidates: [{ content: { role: 'model', parts: [{ text: 'Answer' }] } }] },
      {
        candidates: [
          {
            content: { role: 'model', parts: [{ text: '', thoughtSignature: 'c2ln' }] },
            finishReason: 'STOP',
          },
        ],
      },
    ]);
    expect(result.candidates?.[0]?.content?.parts).toEqual([
      { text: 'Answer' },
      { text: '', thoughtSignature: 'c2ln' },
    ]);
  });

  it('takes the last usage snapshot rather than adding them up', () => {
    const result = fold([
      {
        candidates: [{ content: { parts: [{ text: 'a' }] } }],
        usageMetadata: { promptTokenCount: 10, totalTokenCount: 11 },
      },
      {
        candidates: [{ content: { parts: [{ text: 'b' }] } }],
        usageMetadata: { promptTokenCount: 10, totalTokenCount: 12 },
      },
    ]);
    expect(result.usageMetadata).toEqual({ promptTokenCount: 10, totalTokenCount: 12 });
  });

  it('folds a prompt block (no candidates) into a body with promptFeedback only', () => {
    expect(fold([{ promptFeedback: { blockReason: 'SAFETY' } }])).toEqual({
      promptFeedback: { blockReason: 'SAFETY' },
    });
  });

  it('does not alter the chunks it was given', () => {
    const first = { candidates: [{ content: { parts: [{ text: 'a' }] } }] };
    fold([first, { candidates: [{ content: { parts: [{ text: 'b' }] } }] }]);
    expect(first.candidates[0]?.content.parts).toEqual([{ text: 'a' }]);
  });
});
