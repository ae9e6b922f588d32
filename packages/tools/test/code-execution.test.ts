import { createGeminiToolLoopAdapter } from '@gemgate/native-gemini';
import { describe, expect, it } from 'vitest';
import { codeExecution, collectCodeExecutions, pairCodeExecutions, runTools } from '../src/index.js';
import { useGateway } from './gateway.js';

const { gemini } = useGateway();

const prompt = 'Add 12, 30 and 58 with code.';

describe('code execution against the gateway (native route)', () => {
  it('pairs the code with its result in a whole answer', async () => {
    const response = await gemini().models.generateContent({
      model: 'gemini-2.5-flash',
      contents: prompt,
      config: { tools: [codeExecution()] },
    });
    expect(pairCodeExecutions({ parts: response.candidates?.[0]?.content?.parts ?? [] })).toEqual([
      {
        language: 'PYTHON',
        code: 'numbers = [12, 30, 58]\nprint(sum(numbers))\n',
        thought: false,
        results: [{ outcome: 'OUTCOME_OK', output: '100\n', thought: false }],
      },
    ]);
  });

  it('pairs them across a stream whose first chunks already say STOP', async () => {
    const stream = gemini().models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: prompt,
      config: { tools: [codeExecution()] },
    });
    const collector = collectCodeExecutions();
    const finishReasons: Array<string | undefined> = [];
    for await (const chunk of stream) {
      finishReasons.push(chunk.finishReason);
      collector.add({ chunk });
    }
    // The mock, as upstream, says STOP before the code has run: reading on is what pairs it.
    expect(finishReasons.indexOf('STOP')).toBeLessThan(finishReasons.length - 1);
    expect(collector.executions).toEqual([
      expect.objectContaining({
        code: 'numbers = [12, 30, 58]\nprint(sum(numbers))\n',
        results: [expect.objectContaining({ output: '100\n' })],
      }),
    ]);
  });

  it('marks the code parts a thinking Gemini 3 ran as thoughts', async () => {
    const stream = gemini({ headers: { 'x-mock-thought-code-parts': 'on' } }).models.generateContentStream({
      model: 'gemini-3-pro-preview',
      contents: prompt,
      config: { tools: [codeExecution()] },
    });
    const collector = collectCodeExecutions();
    for await (const chunk of stream) collector.add({ chunk });
    expect(collector.executions).toEqual([
      {
        language: 'PYTHON',
        code: 'numbers = [12, 30, 58]\nprint(sum(numbers))\n',
        thought: true,
        results: [{ outcome: 'OUTCOME_OK', output: '100\n', thought: true }],
      },
    ]);
  });

  it('runs beside the loop: an adapter configured with codeExecution(), its parts paired from the step', async () => {
    const adapter = createGeminiToolLoopAdapter({
      client: gemini(),
      model: 'gemini-2.5-flash',
      config: { tools: [codeExecution()] },
    });
    const result = await runTools({ adapter, input: prompt, tools: [] });
    expect(result.finishReason).toBe('final-answer');
    const turn = result.steps[0]!.turn.assistantTurn as { parts: Array<Record<string, unknown>> };
    expect(pairCodeExecutions({ parts: turn.parts })[0]!.results).toEqual([
      { outcome: 'OUTCOME_OK', output: '100\n', thought: false },
    ]);
    expect(result.text).toMatch(/^I will compute this with Python\.The sum is 100\./);
  });
});
