import { describe, expect, it } from 'vitest';
import { seedPrompt } from '../examples/function-calling.js';
import { examples } from '../examples/index.js';
import { testApiKey, useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();

async function runExample(name: string): Promise<string[]> {
  const example = examples.find((candidate) => candidate.name === name)!;
  const lines: string[] = [];
  await example.run({
    baseURL: mock.gateway.openaiBaseURL,
    apiKey: testApiKey,
    log: (line) => lines.push(line),
  });
  return lines;
}

describe('the seed’s OpenAI-route examples, in TypeScript, against the mock gateway', () => {
  it('lists each example once', () => {
    expect(examples.map((example) => example.name)).toEqual([
      'plain-chat',
      'thinking-chat',
      'function-calling',
      'reading-usage',
    ]);
  });

  it('plain chat with a -nothink id answers without thinking', async () => {
    const lines = await runExample('plain-chat');
    expect(lines[0]!.length).toBeGreaterThan(20);
    expect(lines[1]).toBe('reasoning tokens: 0');
    expect(mock.lastBody()).toMatchObject({ model: 'gemini-2.5-flash-preview-04-17-nothink' });
  });

  it('the thinking variant shows thoughts and counts reasoning tokens', async () => {
    const lines = await runExample('thinking-chat');
    expect(lines[0]).toMatch(/^thoughts: (?!\(none\)).+/);
    expect(lines[1]).toMatch(/^answer: .+/);
    expect(Number(lines[2]!.replace('reasoning tokens: ', ''))).toBeGreaterThan(0);
    expect(mock.lastBody()).toMatchObject({ reasoning_effort: 'low' });
  });

  it('function calling calls schedule_meeting with and without an explicit tool_choice', async () => {
    const lines = await runExample('function-calling');
    const calls = lines.filter((line) => line === 'Function to call: schedule_meeting');
    expect(calls).toHaveLength(2);
    const argumentLines = lines.filter((line) => line.startsWith('Arguments: '));
    for (const line of argumentLines) {
      expect(Object.keys(JSON.parse(line.slice('Arguments: '.length))).sort()).toEqual([
        'attendees',
        'date',
        'time',
        'topic',
      ]);
    }
    const sentChoices = mock.gateway.requests.map(
      (request) => (request.body as { tool_choice: unknown }).tool_choice,
    );
    expect(sentChoices).toEqual(['auto', 'auto']);
    // The seed's prompt goes out word for word, with one sentence the offline mock needs.
    for (const request of mock.gateway.requests) {
      const [message] = (request.body as { messages: Array<{ content: string }> }).messages;
      expect(message!.content).toBe(`${seedPrompt} Use schedule_meeting.`);
    }
  });

  it('needs that sentence: the mock answers the seed’s prompt alone with text, not a call', async () => {
    // If the mock gateway ever calls functions for this prompt, drop the sentence from the example.
    const completion = await mock.client().chat.completions.create({
      model: 'gemini-2.0-flash',
      messages: [{ role: 'user', content: seedPrompt }],
      tools: [{ type: 'function', function: { name: 'schedule_meeting', parameters: { type: 'object' } } }],
    });
    expect(completion.toolCalls).toEqual([]);
    expect(completion.text.length).toBeGreaterThan(0);
  });

  it('reading usage reports prompt tokens as input and completion tokens as output', async () => {
    const lines = await runExample('reading-usage');
    const wire = /prompt_tokens=(\d+) completion_tokens=(\d+) total_tokens=(\d+)/.exec(lines[1]!)!;
    const value = (prefix: string) => Number(lines.find((line) => line.startsWith(prefix))!.split(': ')[1]);
    expect(value('input tokens')).toBe(Number(wire[1]));
    expect(value('output tokens')).toBe(Number(wire[2]));
    expect(value('total tokens')).toBe(Number(wire[3]));
    expect(value('of which reasoning')).toBeGreaterThan(0);
    expect(mock.lastBody().stream_options).toEqual({ include_usage: true });
  });
});
