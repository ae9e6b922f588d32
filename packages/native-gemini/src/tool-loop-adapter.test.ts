import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { GenerateContentResponse } from './generate-content-response.js';
import type { GenerateContentParameters } from './models.js';
import { createGeminiToolLoopAdapter } from './tool-loop-adapter.js';
import type { Content } from './wire-types.js';

/** A client that answers each call with the next content and records what it was sent. */
function fakeClient({ answers }: { answers: Content[] }) {
  const sent: GenerateContentParameters[] = [];
  return {
    sent,
    models: {
      async generateContent(parameters: GenerateContentParameters) {
        sent.push(parameters);
        const content = answers.shift();
        return new GenerateContentResponse({
          raw: {
            candidates: content ? [{ content, finishReason: 'STOP' }] : [],
            usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 4, totalTokenCount: 14 },
          },
        });
      },
    },
  };
}

const parallelCalls: Content = {
  role: 'model',
  parts: [
    { functionCall: { name: 'weather', args: { city: 'Paris' } }, thoughtSignature: 'c2lnbmF0dXJl' },
    { functionCall: { name: 'weather', args: { city: 'Rome' } } },
  ],
};

describe('createGeminiToolLoopAdapter', () => {
  it('gives calls without a wire id a stable id of their own, and sends no id back for them', async () => {
    const client = fakeClient({ answers: [parallelCalls, structuredClone(parallelCalls)] });
    const adapter = createGeminiToolLoopAdapter({ client, model: 'gemini-2.5-flash' });
    const history = adapter.initialHistory({ input: 'Weather in Paris and Rome?' });
    const turn = await adapter.send({ history, tools: [{ name: 'weather' }] });
    const again = await adapter.send({ history, tools: [{ name: 'weather' }] });

    const ids = turn.toolCalls.map((call) => call.id);
    expect(new Set(ids).size).toBe(2);
    expect(again.toolCalls.map((call) => call.id)).toEqual(ids);
    expect(turn.toolCalls[0]).toMatchObject({ name: 'weather', arguments: { city: 'Paris' } });
    expect(turn.toolCalls[0]!.thoughtSignature).toBe('c2lnbmF0dXJl');
    expect(turn.toolCalls[1]!.thoughtSignature).toBeUndefined();
    expect(turn.usage).toMatchObject({ inputTokens: 10, outputTokens: 4, totalTokens: 14 });

    const next = adapter.withToolResults({
      history,
      turn,
      results: [
        { callId: ids[1]!, name: 'weather', output: 'rain' },
        { callId: ids[0]!, name: 'weather', output: new Error('station down'), isError: true },
      ],
    });
    expect(next).toEqual([
      ...history,
      parallelCalls,
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'weather', response: { error: 'station down' } } },
          { functionResponse: { name: 'weather', response: { output: 'rain' } } },
        ],
      },
    ]);
    expect(history).toHaveLength(1);
  });

  it('keeps the wire id when the model sent one, and pairs results after the turn was copied', async () => {
    const content: Content = {
      role: 'model',
      parts: [{ text: 'Let me check.' }, { functionCall: { id: 'fc-7', name: 'clock', args: {} } }],
    };
    const adapter = createGeminiToolLoopAdapter({
      client: fakeClient({ answers: [content] }),
      model: 'gemini-2.5-flash',
    });
    const turn = await adapter.send({ history: [], tools: [{ name: 'clock' }] });
    expect(turn.toolCalls.map((call) => call.id)).toEqual(['fc-7']);
    expect(turn.text).toBe('Let me check.');
    const next = adapter.withToolResults({
      history: [],
      turn: structuredClone({ ...turn, response: undefined }),
      results: [{ callId: 'fc-7', name: 'clock', output: '10:00' }],
    });
    expect(next.at(-1)).toEqual({
      role: 'user',
      parts: [{ functionResponse: { id: 'fc-7', name: 'clock', response: { output: '10:00' } } }],
    });
  });

  it('refuses results that leave a call unanswered', async () => {
    const adapter = createGeminiToolLoopAdapter({
      client: fakeClient({ answers: [parallelCalls] }),
      model: 'gemini-2.5-flash',
    });
    const turn = await adapter.send({ history: [], tools: [{ name: 'weather' }] });
    let caught: unknown;
    try {
      adapter.withToolResults({
        history: [],
        turn,
        results: [{ callId: turn.toolCalls[0]!.id, name: 'weather', output: 1 }],
      });
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
  });

  it.each([
    ['auto', { mode: 'AUTO' }],
    ['none', { mode: 'NONE' }],
    ['required', { mode: 'ANY' }],
    [{ name: 'clock' }, { mode: 'ANY', allowedFunctionNames: ['clock'] }],
  ] as const)(
    'maps toolChoice %j to functionCallingConfig %j, declarations kept',
    async (toolChoice, expected) => {
      const client = fakeClient({ answers: [{ role: 'model', parts: [{ text: 'ok' }] }] });
      const adapter = createGeminiToolLoopAdapter({ client, model: 'gemini-2.5-flash' });
      await adapter.send({
        history: [],
        tools: [
          { name: 'clock', description: 'Tells the time.', parameters: { type: 'object', properties: {} } },
        ],
        toolChoice,
      });
      const config = client.sent[0]!.config!;
      expect(config.toolConfig).toEqual({ functionCallingConfig: expected });
      expect(config.tools).toEqual([
        {
          functionDeclarations: [
            {
              name: 'clock',
              description: 'Tells the time.',
              parametersJsonSchema: { type: 'object', properties: {} },
            },
          ],
        },
      ]);
    },
  );

  it("sends the caller's config and tools next to the loop's, and the loop's signal", async () => {
    const client = fakeClient({ answers: [{ role: 'model', parts: [{ text: 'ok' }] }] });
    const adapter = createGeminiToolLoopAdapter({
      client,
      model: 'gemini-2.5-flash',
      config: { systemInstruction: 'Be brief.', tools: [{ codeExecution: {} }] },
    });
    const controller = new AbortController();
    await adapter.send({ history: [], tools: [{ name: 'clock' }], signal: controller.signal });
    const config = client.sent[0]!.config!;
    expect(config.systemInstruction).toBe('Be brief.');
    expect(config.tools).toEqual([{ codeExecution: {} }, { functionDeclarations: [{ name: 'clock' }] }]);
    expect(config.abortSignal).toBe(controller.signal);
  });

  it('ends a call when either the loop or the adapter config is aborted', async () => {
    const client = fakeClient({ answers: [] });
    const configController = new AbortController();
    const adapter = createGeminiToolLoopAdapter({
      client,
      model: 'gemini-2.5-flash',
      config: { abortSignal: configController.signal },
    });
    await adapter.send({ history: [], signal: new AbortController().signal });
    const sent = client.sent[0]!.config!.abortSignal!;
    expect(sent.aborted).toBe(false);
    configController.abort();
    expect(sent.aborted).toBe(true);
  });
});
