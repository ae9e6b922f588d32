import type { ToolChoice } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { checkToolChoice, toGeminiToolConfig, toOpenAIToolChoice } from './tool-choice.js';

const mappings: Array<[ToolChoice, unknown, unknown]> = [
  ['auto', { functionCallingConfig: { mode: 'AUTO' } }, { toolChoice: 'auto', sentToolNames: undefined }],
  ['none', { functionCallingConfig: { mode: 'NONE' } }, { toolChoice: 'none', sentToolNames: undefined }],
  [
    'required',
    { functionCallingConfig: { mode: 'ANY' } },
    { toolChoice: 'required', sentToolNames: undefined },
  ],
  [
    { name: 'get_weather' },
    { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] } },
    { toolChoice: { type: 'function', function: { name: 'get_weather' } }, sentToolNames: undefined },
  ],
  [
    { allowed: ['get_weather', 'get_time'] },
    { functionCallingConfig: { mode: 'VALIDATED', allowedFunctionNames: ['get_weather', 'get_time'] } },
    { toolChoice: 'auto', sentToolNames: ['get_weather', 'get_time'] },
  ],
];

describe('tool choice mappings', () => {
  it.each(mappings)(
    '%j maps to the native toolConfig and the OpenAI tool_choice',
    (choice, native, openai) => {
      expect(toGeminiToolConfig({ toolChoice: choice })).toEqual(native);
      expect(toOpenAIToolChoice({ toolChoice: choice })).toEqual(openai);
    },
  );

  it('refuses what is not a tool choice, saying what is', () => {
    expect(() => toGeminiToolConfig({ toolChoice: 'any' as never })).toThrow(
      /toolChoice "any" is not a tool choice: use 'auto', 'none', 'required', \{ name \} or \{ allowed: \[...\] \}/,
    );
    expect(() => toOpenAIToolChoice({ toolChoice: { function: 'x' } as never })).toThrow(
      /is not a tool choice/,
    );
  });

  it('checks the names a choice gives against the tools', () => {
    expect(() => checkToolChoice({ toolChoice: { name: 'a' }, toolNames: ['a', 'b'] })).not.toThrow();
    expect(() => checkToolChoice({ toolChoice: { allowed: ['a', 'c'] }, toolNames: ['a', 'b'] })).toThrow(
      'toolChoice names "c", which is not among the tools (a, b): name a declared tool.',
    );
    expect(() => checkToolChoice({ toolChoice: { allowed: [] }, toolNames: ['a'] })).toThrow(
      /toolChoice.allowed is empty/,
    );
  });
});
