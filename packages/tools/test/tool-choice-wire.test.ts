import type { ToolChoice } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool, runTools, toGeminiToolConfig, toOpenAIToolChoice } from '../src/index.js';
import { useGateway } from './gateway.js';

const { client, gateway } = useGateway();

const tools = ['get_weather', 'get_time'].map((name) =>
  defineTool({ name, parameters: z.object({ city: z.string() }), execute: () => 'ok' }),
);

const choices: ToolChoice[] = ['auto', 'none', 'required', { name: 'get_time' }, { allowed: ['get_time'] }];

describe('every tool choice, as each route sends it', () => {
  it.each(choices)(
    '%j on the native route: the toolConfig of toGeminiToolConfig, declarations kept',
    async (choice) => {
      await runTools({
        client: client({ route: 'native' }),
        model: 'gemini-2.5-flash',
        input: 'Hello there.',
        tools,
        toolChoice: ({ step }) => (step === 0 ? choice : 'none'),
        maxSteps: 2,
      });
      const body = gateway().requests[0]!.body as Record<string, any>;
      expect(body.toolConfig).toEqual(toGeminiToolConfig({ toolChoice: choice }));
      expect(body.tools[0].functionDeclarations.map((declaration: any) => declaration.name)).toEqual([
        'get_weather',
        'get_time',
      ]);
    },
  );

  it.each(choices)(
    '%j on the OpenAI route: the tool_choice of toOpenAIToolChoice, with its tools',
    async (choice) => {
      await runTools({
        client: client({ route: 'openai' }),
        model: 'gemini-2.5-flash',
        input: 'Hello there.',
        tools,
        toolChoice: ({ step }) => (step === 0 ? choice : 'none'),
        maxSteps: 2,
      });
      const body = gateway().requests[0]!.body as Record<string, any>;
      const expected = toOpenAIToolChoice({ toolChoice: choice });
      expect(body.tool_choice).toEqual(expected.toolChoice);
      expect(body.tools.map((tool: any) => tool.function.name)).toEqual(
        expected.sentToolNames ?? ['get_weather', 'get_time'],
      );
    },
  );

  it('a forced choice makes the model call; none keeps it from calling though the prompt names a tool', async () => {
    const forced = await runTools({
      client: client({ route: 'openai' }),
      model: 'gemini-2.5-flash',
      input: 'Hello there.',
      tools,
      toolChoice: ({ step }) => (step === 0 ? { name: 'get_time' } : 'auto'),
    });
    expect(forced.steps[0]!.toolCalls.map((call) => call.name)).toEqual(['get_time']);
    const held = await runTools({
      client: client({ route: 'native' }),
      model: 'gemini-2.5-flash',
      input: 'Use get_weather for Paris.',
      tools,
      toolChoice: 'none',
    });
    expect(held.steps).toHaveLength(1);
    expect(held.steps[0]!.toolCalls).toEqual([]);
  });
});
