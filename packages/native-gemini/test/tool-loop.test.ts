import {
  addUsage,
  BadRequestError,
  emptyUsage,
  type ToolCall,
  type ToolChoice,
  type ToolDeclaration,
  type ToolLoopAdapter,
  type ToolLoopTurn,
  toolLoopAdapterOf,
  toolResultForInvalidArguments,
} from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { type Content, createGeminiToolLoopAdapter } from '../src/index.js';
import { useGateway } from './gateway.js';

const { client, gateway } = useGateway();

/** The loop `@gemgate/tools` will run, in miniature: written against the adapter interface only. */
async function runLoop<History>({
  adapter,
  input,
  tools,
  execute,
  firstChoice = 'auto',
  beforeResults = (turn) => turn,
}: {
  adapter: ToolLoopAdapter<History>;
  input: string;
  tools: ToolDeclaration[];
  execute: (call: ToolCall) => unknown;
  firstChoice?: ToolChoice;
  beforeResults?: (turn: ToolLoopTurn) => ToolLoopTurn;
}) {
  let history = adapter.initialHistory({ input });
  let usage = emptyUsage();
  const turns: ToolLoopTurn[] = [];
  for (let step = 0; step < 5; step++) {
    const turn = await adapter.send({ history, tools, toolChoice: step === 0 ? firstChoice : 'auto' });
    turns.push(turn);
    usage = addUsage(usage, turn.usage);
    if (turn.toolCalls.length === 0) return { text: turn.text, usage, turns };
    const results = turn.toolCalls.map((call) =>
      call.argumentsError
        ? toolResultForInvalidArguments({ call })
        : { callId: call.id, name: call.name, output: execute(call) },
    );
    history = adapter.withToolResults({ history, turn: beforeResults(turn), results });
  }
  throw new Error('The loop did not finish in 5 steps.');
}

// The gateway guide's example, its declaration as written there.
const scheduleMeeting: ToolDeclaration = {
  name: 'schedule_meeting',
  description: 'Schedules a meeting with specified attendees at a given time and date.',
  parameters: {
    type: 'object',
    properties: {
      attendees: {
        type: 'array',
        items: { type: 'string' },
        description: 'List of people attending the meeting.',
      },
      date: { type: 'string', description: "Date of the meeting (e.g., '2024-07-29')" },
      time: { type: 'string', description: "Time of the meeting (e.g., '15:00')" },
      topic: { type: 'string', description: 'The subject or topic of the meeting.' },
    },
    required: ['attendees', 'date', 'time', 'topic'],
  },
};
const guidePrompt = 'Schedule a meeting with Bob and Alice for 03/14/2025 at 10:00 AM about the Q3 planning.';

function stripSignatures(turn: ToolLoopTurn): ToolLoopTurn {
  const content = structuredClone(turn.assistantTurn) as Content;
  for (const part of content.parts ?? []) delete part.thoughtSignature;
  return { ...turn, assistantTurn: content };
}

describe('the tool loop on the native route', () => {
  it("runs the guide's schedule_meeting example to the model's final text", async () => {
    const adapter = createGeminiToolLoopAdapter({ client: client(), model: 'gemini-2.0-flash' });
    const meetings: unknown[] = [];
    const { text, usage, turns } = await runLoop({
      adapter,
      input: guidePrompt,
      tools: [scheduleMeeting],
      // The mock calls a function on its own only when the prompt names it; the guide's prompt does not.
      firstChoice: { name: 'schedule_meeting' },
      execute: (call) => {
        meetings.push(call.arguments);
        return { status: 'scheduled', meetingId: 'm-1' };
      },
    });

    expect(meetings).toEqual([
      {
        attendees: expect.any(Array),
        date: expect.any(String),
        time: expect.any(String),
        topic: expect.any(String),
      },
    ]);
    expect(text).toMatch(/^Based on the result, schedule_meeting returned \{"output":\{"status":"scheduled"/);
    expect(turns).toHaveLength(2);
    expect(usage.totalTokens).toBe(turns[0]!.usage.totalTokens + turns[1]!.usage.totalTokens);
    expect(usage.inputTokens).toBeGreaterThan(0);

    const [first, second] = gateway().requests.map((request) => request.body as Record<string, any>);
    expect(first!.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'schedule_meeting',
            description: scheduleMeeting.description,
            parametersJsonSchema: scheduleMeeting.parameters,
          },
        ],
      },
    ]);
    expect(first!.toolConfig).toEqual({
      functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['schedule_meeting'] },
    });
    // The mock, like the Gemini API, sends no functionCall.id: the loop's id is ours and is not sent.
    expect(turns[0]!.toolCalls[0]!.id).toMatch(/^call_[0-9a-f]{8}_0$/);
    expect(second!.contents.at(-1)).toEqual({
      role: 'user',
      parts: [
        {
          functionResponse: {
            name: 'schedule_meeting',
            response: { output: { status: 'scheduled', meetingId: 'm-1' } },
          },
        },
      ],
    });
  });

  it('sends Gemini 3 thought signatures back in place, which the upstream requires', async () => {
    const adapter = createGeminiToolLoopAdapter({ client: client(), model: 'gemini-3-pro-preview' });
    const { text, turns } = await runLoop({
      adapter,
      input: guidePrompt,
      tools: [scheduleMeeting],
      firstChoice: 'required',
      execute: () => 'done',
    });
    expect(text).toMatch(/^Based on the result, schedule_meeting returned/);
    const signature = turns[0]!.toolCalls[0]!.thoughtSignature;
    expect(signature).toEqual(expect.any(String));
    const modelTurn = (gateway().requests[1]!.body as { contents: Content[] }).contents[1]!;
    expect(modelTurn.parts![0]!.thoughtSignature).toBe(signature);
  });

  it('is refused with the 400 when the signatures are stripped (negative control)', async () => {
    const adapter = createGeminiToolLoopAdapter({ client: client(), model: 'gemini-3-pro-preview' });
    const attempt = runLoop({
      adapter,
      input: guidePrompt,
      tools: [scheduleMeeting],
      firstChoice: 'required',
      execute: () => 'done',
      beforeResults: stripSignatures,
    });
    const error = await attempt.catch((caught: unknown) => caught);
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect((error as BadRequestError).statusCode).toBe(400);
    expect((error as Error).message).toMatch(/thought_signature/);
  });

  it('answers parallel calls in one turn, signature only on the first, each result paired', async () => {
    // Through the client's own hook, as `runTools({ client, model })` will find it.
    const adapter = toolLoopAdapterOf({ client: client(), model: 'gemini-3-flash-preview' });
    expect(adapter.route).toBe('native');
    const tools: ToolDeclaration[] = [
      { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
      { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } },
    ];
    const { text, turns } = await runLoop({
      adapter,
      input: 'Call get_weather and get_time for Paris.',
      tools,
      execute: (call) => (call.name === 'get_weather' ? 'sunny' : '10:00'),
    });
    const calls = turns[0]!.toolCalls;
    expect(calls.map((call) => call.name)).toEqual(['get_weather', 'get_time']);
    expect(calls[0]!.thoughtSignature).toEqual(expect.any(String));
    expect(calls[1]!.thoughtSignature).toBeUndefined();
    expect(text).toContain('get_weather returned {"output":"sunny"}; get_time returned {"output":"10:00"}');
  });

  it('streams a turn: deltas reported as they come, the same turn as a whole answer', async () => {
    const adapter = createGeminiToolLoopAdapter({ client: client(), model: 'gemini-2.5-flash' });
    const tools: ToolDeclaration[] = [
      { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
      { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } },
    ];
    const history = adapter.initialHistory({ input: 'Call get_weather and get_time for Paris.' });
    const deltas: unknown[] = [];
    const streamed = await adapter.send({
      history,
      tools,
      stream: true,
      onDelta: (delta) => deltas.push(delta),
    });
    const whole = await adapter.send({ history, tools });
    expect(streamed.toolCalls).toEqual(whole.toolCalls);
    expect(streamed.assistantTurn).toEqual(whole.assistantTurn);
    expect(deltas).toEqual([
      { type: 'tool-call-start', index: 0, id: undefined, name: 'get_weather' },
      {
        type: 'tool-call-arguments',
        index: 0,
        argumentsDelta: JSON.stringify(whole.toolCalls[0]!.arguments),
      },
      { type: 'tool-call-start', index: 1, id: undefined, name: 'get_time' },
      {
        type: 'tool-call-arguments',
        index: 1,
        argumentsDelta: JSON.stringify(whole.toolCalls[1]!.arguments),
      },
    ]);
    expect(gateway().requests[0]!.path).toMatch(/:streamGenerateContent$/);
  });

  it('sends { allowed } as VALIDATED with the allowed names', async () => {
    const adapter = createGeminiToolLoopAdapter({ client: client(), model: 'gemini-2.5-flash' });
    await adapter.send({
      history: adapter.initialHistory({ input: 'Hello.' }),
      tools: [scheduleMeeting],
      toolChoice: { allowed: ['schedule_meeting'] },
    });
    expect((gateway().requests[0]!.body as Record<string, any>).toolConfig).toEqual({
      functionCallingConfig: { mode: 'VALIDATED', allowedFunctionNames: ['schedule_meeting'] },
    });
  });
});
