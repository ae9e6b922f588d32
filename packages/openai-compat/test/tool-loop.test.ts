import {
  addUsage,
  BadRequestError,
  emptyUsage,
  type Middleware,
  type ToolCall,
  type ToolChoice,
  type ToolDeclaration,
  type ToolLoopAdapter,
  type ToolLoopTurn,
  toolLoopAdapterOf,
  toolResultForInvalidArguments,
} from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { type AssistantMessageParam, createOpenAIToolLoopAdapter } from '../src/index.js';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();

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

type WireMessage = { tool_calls?: Array<{ id: string; function: { arguments: string } }> };

/** Rewrites the tool calls of every chat answer, standing in for an upstream that answers so. */
function rewriteToolCalls(rewrite: (calls: NonNullable<WireMessage['tool_calls']>) => void): Middleware {
  return async (request, next) => {
    const response = await next(request);
    if (response.kind !== 'json') return response;
    const message = (response.body as { choices?: Array<{ message: WireMessage }> }).choices?.[0]?.message;
    if (message?.tool_calls) rewrite(message.tool_calls);
    return response;
  };
}

function stripSignatures(turn: ToolLoopTurn): ToolLoopTurn {
  const message = structuredClone(turn.assistantTurn) as AssistantMessageParam;
  delete message.extra_content;
  for (const call of message.tool_calls ?? []) delete call.extra_content;
  return { ...turn, assistantTurn: message };
}

describe('the tool loop on the OpenAI route', () => {
  it("runs the guide's schedule_meeting example to the model's final text", async () => {
    const adapter = createOpenAIToolLoopAdapter({ client: mock.client(), model: 'gemini-2.0-flash' });
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

    const [first, second] = mock.gateway.requests.map((request) => request.body as Record<string, any>);
    expect(first!.tools).toEqual([{ type: 'function', function: scheduleMeeting }]);
    expect(first!.tool_choice).toEqual({ type: 'function', function: { name: 'schedule_meeting' } });
    // Tools without an explicit tool_choice are the gateway's 400: every later turn says 'auto'.
    expect(second!.tool_choice).toBe('auto');
    const callId = turns[0]!.toolCalls[0]!.id;
    expect(second!.messages.at(-2).tool_calls[0].id).toBe(callId);
    expect(second!.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: callId,
      content: '{"output":{"status":"scheduled","meetingId":"m-1"}}',
    });
  });

  it('sends Gemini 3 thought signatures back in place, which the upstream requires', async () => {
    const adapter = createOpenAIToolLoopAdapter({ client: mock.client(), model: 'gemini-3-pro-preview' });
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
    const assistant = (mock.gateway.requests[1]!.body as { messages: AssistantMessageParam[] }).messages[1]!;
    expect(assistant.tool_calls![0]!.extra_content).toEqual({ google: { thought_signature: signature } });
  });

  it('is refused with the 400 when the signatures are stripped (negative control)', async () => {
    const adapter = createOpenAIToolLoopAdapter({ client: mock.client(), model: 'gemini-3-pro-preview' });
    const error = await runLoop({
      adapter,
      input: guidePrompt,
      tools: [scheduleMeeting],
      firstChoice: 'required',
      execute: () => 'done',
      beforeResults: stripSignatures,
    }).catch((caught: unknown) => caught);
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect((error as BadRequestError).statusCode).toBe(400);
    expect((error as Error).message).toMatch(/thought_signature/);
  });

  it("pairs parallel calls, even when the gateway sends each with the id ''", async () => {
    const tools: ToolDeclaration[] = [
      { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
      { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } },
    ];
    for (const client of [
      mock.client(),
      mock.client({
        middleware: [
          rewriteToolCalls((calls) => {
            for (const call of calls) call.id = '';
          }),
        ],
      }),
    ]) {
      // Through the client's own hook, as `runTools({ client, model })` will find it.
      const adapter = toolLoopAdapterOf({ client, model: 'gemini-3-flash-preview' });
      expect(adapter.route).toBe('openai');
      const { text, turns } = await runLoop({
        adapter,
        input: 'Call get_weather and get_time for Paris.',
        tools,
        execute: (call) => (call.name === 'get_weather' ? 'sunny' : '10:00'),
      });
      const calls = turns[0]!.toolCalls;
      expect(calls.map((call) => call.name)).toEqual(['get_weather', 'get_time']);
      expect(new Set(calls.map((call) => call.id)).size).toBe(2);
      expect(calls[0]!.thoughtSignature).toEqual(expect.any(String));
      expect(calls[1]!.thoughtSignature).toBeUndefined();
      // The mock names each result by the call its tool_call_id points at: a wrong pairing shows here.
      expect(text).toContain('get_weather returned {"output":"sunny"}; get_time returned {"output":"10:00"}');
    }
  });

  it('sends arguments that are not JSON back to the model as an error result, not a crash', async () => {
    let corrupted = false;
    const client = mock.client({
      middleware: [
        rewriteToolCalls((calls) => {
          if (corrupted) return;
          corrupted = true;
          calls[0]!.function.arguments = calls[0]!.function.arguments.slice(0, -3);
        }),
      ],
    });
    const adapter = createOpenAIToolLoopAdapter({ client, model: 'gemini-2.5-flash' });
    const executed: ToolCall[] = [];
    const { text, turns } = await runLoop({
      adapter,
      input: guidePrompt,
      tools: [scheduleMeeting],
      firstChoice: 'required',
      execute: (call) => executed.push(call),
    });
    expect(executed).toEqual([]);
    expect(turns[0]!.toolCalls[0]!.argumentsError).toMatch(/^The arguments are not valid JSON/);
    expect(text).toMatch(
      /^Based on the result, schedule_meeting returned \{"error":"The arguments are not valid JSON/,
    );
    const sentBack = (mock.gateway.requests[1]!.body as { messages: AssistantMessageParam[] }).messages[1]!;
    expect(sentBack.tool_calls![0]!.function.arguments).toBe(turns[0]!.toolCalls[0]!.rawArguments);
  });

  it('streams a turn: deltas reported as they come, the same calls as a whole answer', async () => {
    const adapter = createOpenAIToolLoopAdapter({ client: mock.client(), model: 'gemini-2.5-flash' });
    const tools: ToolDeclaration[] = [
      { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
      { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } },
    ];
    const history = adapter.initialHistory({ input: 'Call get_weather and get_time for Paris.' });
    const deltas: Array<Record<string, unknown>> = [];
    const streamed = await adapter.send({
      history,
      tools,
      stream: true,
      onDelta: (delta) => deltas.push(delta),
    });
    expect(streamed.toolCalls.map((call) => call.name)).toEqual(['get_weather', 'get_time']);
    expect(deltas.filter((delta) => delta.type === 'tool-call-start')).toEqual([
      { type: 'tool-call-start', index: 0, id: streamed.toolCalls[0]!.id, name: 'get_weather' },
      { type: 'tool-call-start', index: 1, id: streamed.toolCalls[1]!.id, name: 'get_time' },
    ]);
    const argumentsOf = (index: number) =>
      deltas
        .filter((delta) => delta.type === 'tool-call-arguments' && delta.index === index)
        .map((delta) => delta.argumentsDelta)
        .join('');
    expect(argumentsOf(0)).toBe(streamed.toolCalls[0]!.rawArguments);
    expect(argumentsOf(1)).toBe(streamed.toolCalls[1]!.rawArguments);
    expect(mock.lastBody().stream).toBe(true);
  });

  it('sends { allowed } as tool_choice auto with only the allowed tools', async () => {
    const adapter = createOpenAIToolLoopAdapter({ client: mock.client(), model: 'gemini-2.5-flash' });
    await adapter.send({
      history: adapter.initialHistory({ input: 'Hello.' }),
      tools: [scheduleMeeting, { name: 'get_time' }],
      toolChoice: { allowed: ['get_time'] },
    });
    expect(mock.lastBody().tool_choice).toBe('auto');
    expect(mock.lastBody().tools.map((tool: any) => tool.function.name)).toEqual(['get_time']);
  });
});
