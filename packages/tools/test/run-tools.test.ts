import { AbortedError, InvalidArgumentError, type ToolResult } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool, runTools, type ToolRunEvent } from '../src/index.js';
import { type Route, useGateway } from './gateway.js';

const { client, gateway } = useGateway();

const routes: Route[] = ['native', 'openai'];

/** Weather and time are asked for together; the weather result names the next tool to call. */
function travelTools({ log = [] as string[] } = {}) {
  const getWeather = defineTool({
    name: 'get_weather',
    description: 'The current weather in a city.',
    parameters: z.object({ city: z.string() }),
    execute: async ({ city }) => {
      log.push('get_weather:start');
      await new Promise((resolve) => setImmediate(resolve));
      log.push('get_weather:end');
      return { city, celsius: 21, advice: 'call book_table for a terrace' };
    },
  });
  const getTime = defineTool({
    name: 'get_time',
    description: 'The local time in a city.',
    parameters: z.object({ city: z.string() }),
    execute: async () => {
      log.push('get_time:start');
      await new Promise((resolve) => setImmediate(resolve));
      log.push('get_time:end');
      return { time: '19:30' };
    },
  });
  const bookTable = defineTool({
    name: 'book_table',
    description: 'Books a restaurant table.',
    parameters: z.object({ people: z.number().int().min(1).max(8) }),
    execute: ({ people }) => ({ booked: true, people }),
  });
  return { tools: [getWeather, getTime, bookTable], log };
}

const travelPrompt = 'Use get_weather and get_time for Paris, then decide.';

/** What each request sent of the calls and results, route-neutrally. */
function sentSteps(bodies: Array<Record<string, any>>, route: Route): string[][] {
  return bodies.map((body) =>
    route === 'native'
      ? body.contents.flatMap((content: any) =>
          (content.parts ?? []).flatMap((part: any) =>
            part.functionCall
              ? [`call ${part.functionCall.name}`]
              : part.functionResponse
                ? [`result ${part.functionResponse.name}`]
                : [],
          ),
        )
      : body.messages.flatMap((message: any) =>
          message.role === 'assistant'
            ? (message.tool_calls ?? []).map((call: any) => `call ${call.function.name}`)
            : message.role === 'tool'
              ? [`result ${message.tool_call_id}`]
              : [],
        ),
  );
}

describe.each(routes)('runTools on the %s route', (route) => {
  it('runs three steps: two parallel calls, one call their result asks for, then the final answer', async () => {
    const { tools, log } = travelTools();
    const steps: number[] = [];
    const result = await runTools({
      client: client({ route }),
      model: 'gemini-2.5-flash',
      input: travelPrompt,
      tools,
      onStep: (step) => {
        steps.push(step.index);
      },
    });

    expect(result.finishReason).toBe('final-answer');
    expect(result.steps.map((step) => step.toolCalls.map((call) => call.name))).toEqual([
      ['get_weather', 'get_time'],
      ['book_table'],
      [],
    ]);
    expect(steps).toEqual([0, 1, 2]);
    // Both calls of the first step were running at once.
    expect(log).toEqual(['get_weather:start', 'get_time:start', 'get_weather:end', 'get_time:end']);
    expect(result.steps[1]!.results).toEqual([
      {
        callId: result.steps[1]!.toolCalls[0]!.id,
        name: 'book_table',
        output: { booked: true, people: expect.any(Number) },
      },
    ]);
    expect(result.text).toMatch(/^Based on the result, book_table returned \{"output":\{"booked":true/);
    // Usage summed over the steps, each step's kept.
    const total = result.steps.reduce((sum, step) => sum + step.usage.totalTokens, 0);
    expect(result.usage.totalTokens).toBe(total);
    expect(result.steps.every((step) => step.usage.totalTokens > 0)).toBe(true);

    const bodies = gateway().requests.map((request) => request.body as Record<string, any>);
    expect(bodies).toHaveLength(3);
    const sent = sentSteps(bodies, route);
    expect(sent[0]).toEqual([]);
    expect(sent[1]).toHaveLength(4);
    expect(sent[2]).toHaveLength(6);
    expect(sent[2]!.filter((entry) => entry.startsWith('call '))).toEqual([
      'call get_weather',
      'call get_time',
      'call book_table',
    ]);
  });

  it('streams the same three steps as typed events, the final answer in text deltas', async () => {
    const { tools } = travelTools();
    const run = runTools({
      client: client({ route }),
      model: 'gemini-2.5-flash',
      input: travelPrompt,
      tools,
      stream: true,
    });
    const events: ToolRunEvent[] = [];
    for await (const event of run) events.push(event);
    const result = await run.result;

    expect(result.finishReason).toBe('final-answer');
    expect(result.steps.map((step) => step.toolCalls.map((call) => call.name))).toEqual([
      ['get_weather', 'get_time'],
      ['book_table'],
      [],
    ]);
    const kinds = events.map((event) =>
      event.type === 'tool-call-start' || event.type === 'tool-call' || event.type === 'tool-result'
        ? `${event.type} ${event.type === 'tool-call-start' ? event.name : event.call.name}`
        : event.type,
    );
    const stepOne = kinds.slice(0, kinds.indexOf('step-end') + 1);
    expect(stepOne[0]).toBe('step-start');
    expect(stepOne.filter((kind) => kind.startsWith('tool-call-start'))).toEqual([
      'tool-call-start get_weather',
      'tool-call-start get_time',
    ]);
    expect(stepOne.indexOf('tool-call get_weather')).toBeGreaterThan(
      stepOne.indexOf('tool-call-start get_time'),
    );
    expect(stepOne.filter((kind) => kind.startsWith('tool-result')).sort()).toEqual([
      'tool-result get_time',
      'tool-result get_weather',
    ]);
    expect(kinds.filter((kind) => kind === 'step-end')).toHaveLength(3);
    expect(kinds.at(-1)).toBe('finish');
    // The arguments streamed add up to the call's arguments.
    const argumentsText = events
      .filter((event) => event.type === 'tool-call-arguments' && event.step === 0 && event.index === 0)
      .map((event) => (event as { argumentsDelta: string }).argumentsDelta)
      .join('');
    expect(JSON.parse(argumentsText)).toEqual(result.steps[0]!.toolCalls[0]!.arguments);
    // The final answer streamed: its deltas join into the final text.
    const finalText = events
      .filter((event) => event.type === 'text-delta' && event.step === 2)
      .map((event) => (event as { text: string }).text);
    expect(finalText.length).toBeGreaterThan(0);
    expect(finalText.join('')).toBe(result.text);
    for (const request of gateway().requests) {
      expect(request.path).toMatch(route === 'native' ? /:streamGenerateContent$/ : /chat\/completions$/);
      if (route === 'openai') expect((request.body as { stream: boolean }).stream).toBe(true);
    }
  });

  it('carries Gemini 3 thought signatures through every step', async () => {
    const { tools } = travelTools();
    const headers: Record<string, string> = route === 'openai' ? { 'x-mock-signature-place': 'message' } : {};
    const result = await runTools({
      client: client({ route, headers }),
      model: 'gemini-3-pro-preview',
      input: travelPrompt,
      tools,
    });
    // The mock, like Gemini 3, answers a turn without its signatures with a 400: three steps ran.
    expect(result.steps).toHaveLength(3);
    const signatures = result.steps.slice(0, 2).map((step) => step.toolCalls[0]!.thoughtSignature);
    expect(signatures).toEqual([expect.any(String), expect.any(String)]);
    expect(signatures[0]).not.toBe(signatures[1]);
    const last = gateway().requests.at(-1)!.body as Record<string, any>;
    if (route === 'native') {
      const modelTurns = last.contents.filter((content: any) => content.role === 'model');
      expect(
        modelTurns.map(
          (content: any) => content.parts.find((part: any) => part.functionCall).thoughtSignature,
        ),
      ).toEqual(signatures);
    } else {
      const assistants = last.messages.filter((message: any) => message.role === 'assistant');
      // On the message, not on the call, as this upstream placed it.
      expect(assistants.map((message: any) => message.extra_content?.google?.thought_signature)).toEqual(
        signatures,
      );
    }
  });

  it('carries Gemini 3 signatures on a streamed run too', async () => {
    const { tools } = travelTools();
    const run = runTools({
      client: client({ route }),
      model: 'gemini-3-pro-preview',
      input: travelPrompt,
      tools,
      stream: true,
    });
    const result = await run.result;
    expect(result.steps).toHaveLength(3);
    expect(result.steps[1]!.toolCalls[0]!.thoughtSignature).toEqual(expect.any(String));
  });

  it('sends a throwing execute() back to the model as an error result, and goes on', async () => {
    const failing = defineTool({
      name: 'get_weather',
      parameters: z.object({ city: z.string() }),
      execute: () => {
        throw new Error('weather service down');
      },
    });
    const result = await runTools({
      client: client({ route }),
      model: 'gemini-2.5-flash',
      input: 'Use get_weather for Paris.',
      tools: [failing],
    });
    expect(result.finishReason).toBe('final-answer');
    expect(result.steps[0]!.results).toEqual([
      {
        callId: result.steps[0]!.toolCalls[0]!.id,
        name: 'get_weather',
        output: 'weather service down',
        isError: true,
      },
    ]);
    expect(result.text).toContain('returned {"error":"weather service down"}');
  });

  it('answers arguments that break the schema with an error result the model can act on', async () => {
    const executed: unknown[] = [];
    // The mock does not follow `pattern`, so its argument cannot match: the model "got it wrong".
    const lookup = defineTool({
      name: 'find_order',
      parameters: z.object({ orderId: z.string().regex(/^ORD-\d{6}$/) }),
      execute: (value) => executed.push(value),
    });
    const result = await runTools({
      client: client({ route }),
      model: 'gemini-2.5-flash',
      input: 'Use find_order for my last order.',
      tools: [lookup],
    });
    expect(executed).toEqual([]);
    const [errorResult] = result.steps[0]!.results as [ToolResult];
    expect(errorResult.isError).toBe(true);
    expect(errorResult.output).toMatch(
      /^The arguments do not match the parameters of find_order \(\$\.orderId: /,
    );
    expect(result.finishReason).toBe('final-answer');
    expect(result.text).toContain('find_order returned {"error":"The arguments do not match');
  });

  it('stops after maxSteps answers that still call tools', async () => {
    const { tools } = travelTools();
    const result = await runTools({
      client: client({ route }),
      model: 'gemini-2.5-flash',
      input: travelPrompt,
      tools,
      maxSteps: 2,
    });
    expect(result.finishReason).toBe('max-steps');
    expect(result.steps).toHaveLength(2);
    expect(result.steps[1]!.results).toHaveLength(1);
    expect(gateway().requests).toHaveLength(2);
    // Its history, results included, continues the run where it stopped.
    const continued = await runTools({
      client: client({ route }),
      model: 'gemini-2.5-flash',
      input: result.history,
      tools,
    });
    expect(continued.finishReason).toBe('final-answer');
    expect(continued.steps).toHaveLength(1);
    expect(continued.text).toMatch(/^Based on the result, book_table returned/);
  });

  it('stops when stopWhen says so', async () => {
    const { tools } = travelTools();
    const result = await runTools({
      client: client({ route }),
      model: 'gemini-2.5-flash',
      input: travelPrompt,
      tools,
      stopWhen: ({ steps }) => steps.some((step) => step.toolCalls.some((call) => call.name === 'get_time')),
    });
    expect(result.finishReason).toBe('stop-condition');
    expect(result.steps).toHaveLength(1);
  });

  it('aborted mid-loop: queued calls never start, running ones are stopped and awaited', async () => {
    const controller = new AbortController();
    const log: string[] = [];
    const slow = (name: string) =>
      defineTool({
        name,
        parameters: z.object({ city: z.string() }),
        execute: (_arguments, { signal }) =>
          new Promise((_resolve, reject) => {
            log.push(`${name}:start`);
            signal.addEventListener('abort', () => {
              setImmediate(() => {
                log.push(`${name}:stopped`);
                reject(signal.reason);
              });
            });
            // The first call to start aborts the run while it is running.
            setImmediate(() => controller.abort(new Error('user left')));
          }),
      });
    const run = runTools({
      client: client({ route }),
      model: 'gemini-2.5-flash',
      input: travelPrompt,
      tools: [slow('get_weather'), slow('get_time')],
      concurrency: 1,
      signal: controller.signal,
    });
    const error = await run.catch((caught: unknown) => caught);
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(log).toEqual(['get_weather:start', 'get_weather:stopped']);
    expect(gateway().requests).toHaveLength(1);
  });

  it('surfaces a call to a tool it was not given, and runs nothing of that step', async () => {
    const ran: string[] = [];
    const declaredOnly = defineTool({
      name: 'get_time',
      parameters: z.object({ city: z.string() }),
      execute: () => ran.push('get_time'),
    });
    // The server-side tool is declared on the wire (as an MCP or built-in tool would be), not to the loop.
    const adapterTools = [{ name: 'lookup_server', parameters: { type: 'object', properties: {} } }];
    const c = client({ route }) as unknown as Record<symbol, (options: { model: string }) => any>;
    const { toolLoopAdapterKey } = await import('@gemgate/core-transport');
    const base = c[toolLoopAdapterKey]!({ model: 'gemini-2.5-flash' });
    const adapter = {
      ...base,
      send: (options: any) => base.send({ ...options, tools: [...options.tools, ...adapterTools] }),
    };
    const result = await runTools({
      adapter,
      input: 'Use lookup_server and get_time.',
      tools: [declaredOnly],
    });
    expect(result.finishReason).toBe('server-tool-calls');
    expect(result.steps[0]!.serverToolCalls.map((call) => call.name)).toEqual(['lookup_server']);
    expect(result.steps[0]!.toolCalls.map((call) => call.name)).toEqual(['get_time']);
    expect(ran).toEqual([]);
  });
});

describe('runTools arguments', () => {
  it('refuses a tool choice naming a tool it was not given, before any request', async () => {
    const { tools } = travelTools();
    const error = await runTools({
      client: client({ route: 'native' }),
      model: 'gemini-2.5-flash',
      input: 'hi',
      tools,
      toolChoice: { name: 'get_stock' },
    }).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/toolChoice names "get_stock", which is not among the tools/);
    expect(gateway().requests).toHaveLength(0);
  });

  it('refuses two tools of one name, and an object that is not a client', async () => {
    const { tools } = travelTools();
    await expect(
      runTools({
        client: client({ route: 'native' }),
        model: 'm',
        input: 'hi',
        tools: [tools[0]!, tools[0]!],
      }),
    ).rejects.toThrow(/tools.1 repeats the name "get_weather"/);
    await expect(
      runTools({ client: {} as never, model: 'gemini-2.5-flash', input: 'hi', tools }),
    ).rejects.toThrow(/client is not a gemgate client/);
    await expect(
      runTools({ client: client({ route: 'native' }), model: 'gemini-2.5-flash', input: 42, tools }),
    ).rejects.toThrow(/^input must be the user's text/);
  });
});
