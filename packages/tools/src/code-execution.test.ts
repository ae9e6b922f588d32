import { describe, expect, it } from 'vitest';
import { codeExecution, collectCodeExecutions, pairCodeExecutions } from './code-execution.js';

describe('pairCodeExecutions', () => {
  it('pairs each code part with the results after it, in order, several results for one code part', () => {
    const runs = pairCodeExecutions({
      parts: [
        { text: 'Let me compute.' },
        { executableCode: { language: 'PYTHON', code: 'print(1)' } },
        { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '1\n' } },
        { executableCode: { language: 'PYTHON', code: 'import time; print(2)' } },
        { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '2\n' } },
        { codeExecutionResult: { outcome: 'OUTCOME_DEADLINE_EXCEEDED', output: 'timed out' } },
      ],
    });
    expect(runs).toEqual([
      {
        language: 'PYTHON',
        code: 'print(1)',
        thought: false,
        results: [{ outcome: 'OUTCOME_OK', output: '1\n', thought: false }],
      },
      {
        language: 'PYTHON',
        code: 'import time; print(2)',
        thought: false,
        results: [
          { outcome: 'OUTCOME_OK', output: '2\n', thought: false },
          { outcome: 'OUTCOME_DEADLINE_EXCEEDED', output: 'timed out', thought: false },
        ],
      },
    ]);
  });

  it('marks code and results flagged thought: true, and keeps a result with no code before it', () => {
    expect(
      pairCodeExecutions({
        parts: [
          { codeExecutionResult: { outcome: 'OUTCOME_FAILED', output: 'NameError' } },
          { executableCode: { language: 'PYTHON', code: 'x' }, thought: true },
          { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '3' }, thought: true },
        ],
      }),
    ).toEqual([
      {
        language: undefined,
        code: undefined,
        thought: false,
        results: [{ outcome: 'OUTCOME_FAILED', output: 'NameError', thought: false }],
      },
      {
        language: 'PYTHON',
        code: 'x',
        thought: true,
        results: [{ outcome: 'OUTCOME_OK', output: '3', thought: true }],
      },
    ]);
  });

  it('is the native code-execution tool', () => {
    expect(codeExecution()).toEqual({ codeExecution: {} });
  });
});

describe('collectCodeExecutions', () => {
  it('pairs across chunks, reading past a STOP that arrives mid-stream', () => {
    const collector = collectCodeExecutions();
    const chunks = [
      { candidates: [{ content: { parts: [{ text: 'I will run code.' }] }, finishReason: 'STOP' }] },
      {
        candidates: [{ content: { parts: [{ executableCode: { language: 'PYTHON', code: 'print(6)' } }] } }],
      },
      {
        candidates: [
          {
            content: { parts: [{ codeExecutionResult: { outcome: 'OUTCOME_OK', output: '6\n' } }] },
            finishReason: 'STOP',
          },
        ],
      },
      {
        candidates: [
          { content: { parts: [{ codeExecutionResult: { outcome: 'OUTCOME_OK', output: 'more\n' } }] } },
        ],
      },
      { candidates: [{ content: { parts: [{ text: 'The sum is 6.' }] }, finishReason: 'STOP' }] },
    ];
    const touched = chunks.map((chunk) => collector.add({ chunk }).length);
    expect(touched).toEqual([0, 1, 1, 1, 0]);
    expect(collector.executions).toEqual([
      {
        language: 'PYTHON',
        code: 'print(6)',
        thought: false,
        results: [
          { outcome: 'OUTCOME_OK', output: '6\n', thought: false },
          { outcome: 'OUTCOME_OK', output: 'more\n', thought: false },
        ],
      },
    ]);
  });
});
