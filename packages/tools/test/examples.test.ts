import { describe, expect, it } from 'vitest';
import { examples } from '../examples/index.js';
import { apiKey, useGateway } from './gateway.js';

const { gateway } = useGateway();

async function runExample(name: string): Promise<string[]> {
  const example = examples.find((candidate) => candidate.name === name)!;
  const baseURL = example.route === 'native' ? gateway().nativeBaseURL : gateway().openaiBaseURL;
  const lines: string[] = [];
  await example.run({ baseURL, apiKey, log: (line) => lines.push(line) });
  return lines;
}

describe('the guide examples, run against the mock gateway', () => {
  it.each(['schedule-meeting-native', 'schedule-meeting-openai'])(
    '%s: one tool, called once, the loop ending with the model confirming',
    async (name) => {
      const lines = await runExample(name);
      expect(lines[0]).toBe('Function to call: schedule_meeting');
      expect(Object.keys(JSON.parse(lines[1]!.replace('Arguments: ', '')))).toEqual([
        'attendees',
        'date',
        'time',
        'topic',
      ]);
      expect(lines[2]).toMatch(
        /^Based on the result, schedule_meeting returned \{"output":\{"status":"scheduled"/,
      );
      expect(lines[3]).toMatch(/^steps: 2, total tokens: [1-9]\d*$/);
      const [first, second] = gateway().requests;
      expect(first!.route).toBe(name.endsWith('native') ? 'native' : 'openai');
      if (first!.route === 'openai') {
        expect((first!.body as { tool_choice: unknown }).tool_choice).toEqual({
          type: 'function',
          function: { name: 'schedule_meeting' },
        });
        // The guide's rule on this route: an explicit tool_choice with every request that has tools.
        expect((second!.body as { tool_choice: unknown }).tool_choice).toBe('auto');
      }
    },
  );

  it('csv-code-execution prints the code and its result', async () => {
    const lines = await runExample('csv-code-execution');
    expect(lines[0]!.length).toBeGreaterThan(0);
    expect(lines[1]).toBe('Generated code (PYTHON):\nnumbers = [1, 2, 3]\nprint(sum(numbers))\n');
    expect(lines[2]).toBe('Execution result (OUTCOME_OK):\n6\n');
    const body = gateway().requests[0]!.body as Record<string, any>;
    expect(body.tools).toEqual([{ codeExecution: {} }]);
    expect(body.contents[0].parts[0].inlineData.mimeType).toBe('text/csv');
  });
});
