import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors.js';
import {
  orderToolResults,
  parseToolCallArguments,
  stableToolCallId,
  type ToolCall,
  type ToolLoopAdapter,
  toolLoopAdapterOf,
  toolResultForInvalidArguments,
  toolResultPayload,
} from './tool-loop.js';
import { emptyUsage } from './usage.js';

describe('parseToolCallArguments', () => {
  it('parses a JSON object', () => {
    expect(parseToolCallArguments({ rawArguments: '{"city":"Paris","days":[1,2]}' })).toEqual({
      arguments: { city: 'Paris', days: [1, 2] },
      argumentsError: undefined,
    });
  });

  it('reads an empty string as no arguments', () => {
    expect(parseToolCallArguments({ rawArguments: '  ' })).toEqual({
      arguments: {},
      argumentsError: undefined,
    });
  });

  it('turns text that is not JSON into an error for the model instead of throwing', () => {
    const parsed = parseToolCallArguments({ rawArguments: '{"city": "Par' });
    expect(parsed.arguments).toBeUndefined();
    expect(parsed.argumentsError).toMatch(/^The arguments are not valid JSON: /);
  });

  it.each(['42', '"text"', '[1,2]', 'null'])('refuses JSON that is not an object (%s)', (rawArguments) => {
    expect(parseToolCallArguments({ rawArguments })).toEqual({
      arguments: undefined,
      argumentsError: 'The arguments must be a JSON object.',
    });
  });
});

describe('stableToolCallId', () => {
  it('gives the same id for the same seed and index, and different ids otherwise', () => {
    const first = stableToolCallId({ seed: 'answer-1', index: 0 });
    expect(first).toMatch(/^call_[0-9a-f]{8}_0$/);
    expect(stableToolCallId({ seed: 'answer-1', index: 0 })).toBe(first);
    expect(stableToolCallId({ seed: 'answer-1', index: 1 })).not.toBe(first);
    expect(stableToolCallId({ seed: 'answer-2', index: 0 })).not.toBe(first);
  });
});

describe('toolResultPayload', () => {
  it('sends a success as { output } and a failure as { error }, an Error as its message', () => {
    expect(toolResultPayload({ result: { callId: 'c', name: 'f', output: { ok: true } } })).toEqual({
      output: { ok: true },
    });
    expect(
      toolResultPayload({
        result: { callId: 'c', name: 'f', output: new Error('disk full'), isError: true },
      }),
    ).toEqual({ error: 'disk full' });
  });

  it('sends undefined as null so the key survives JSON', () => {
    expect(JSON.stringify(toolResultPayload({ result: { callId: 'c', name: 'f', output: undefined } }))).toBe(
      '{"output":null}',
    );
  });
});

describe('toolResultForInvalidArguments', () => {
  it('answers the call with its arguments error', () => {
    const call: ToolCall = { id: 'c1', name: 'f', arguments: undefined, argumentsError: 'bad JSON' };
    expect(toolResultForInvalidArguments({ call })).toEqual({
      callId: 'c1',
      name: 'f',
      output: 'bad JSON',
      isError: true,
    });
  });
});

describe('orderToolResults', () => {
  const calls: ToolCall[] = [
    { id: 'a', name: 'first', arguments: {} },
    { id: 'b', name: 'second', arguments: {} },
  ];

  it('puts results in the order of the calls', () => {
    const ordered = orderToolResults({
      calls,
      results: [
        { callId: 'b', name: 'second', output: 2 },
        { callId: 'a', name: 'first', output: 1 },
      ],
    });
    expect(ordered.map((result) => result.callId)).toEqual(['a', 'b']);
  });

  it('names a call left without a result', () => {
    const attempt = () => orderToolResults({ calls, results: [{ callId: 'a', name: 'first', output: 1 }] });
    expect(attempt).toThrow(/Call "b" \(second\) has no result/);
    try {
      attempt();
    } catch (error) {
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
    }
  });

  it('refuses a result for an unknown call and a second result for one call', () => {
    expect(() =>
      orderToolResults({
        calls,
        results: [
          { callId: 'a', name: 'first', output: 1 },
          { callId: 'b', name: 'second', output: 2 },
          { callId: 'z', name: 'other', output: 3 },
        ],
      }),
    ).toThrow(/"z" \(other\) answers no call/);
    expect(() =>
      orderToolResults({
        calls,
        results: [
          { callId: 'a', name: 'first', output: 1 },
          { callId: 'a', name: 'first', output: 1 },
        ],
      }),
    ).toThrow(/two results/);
  });
});

describe('toolLoopAdapterOf', () => {
  it('asks the client for its adapter under the shared key, and names what to pass otherwise', () => {
    const adapter: ToolLoopAdapter<string[]> = {
      route: 'openai',
      initialHistory: ({ input }) => (typeof input === 'string' ? [input] : input),
      send: async () => ({ toolCalls: [], text: '', usage: emptyUsage(), assistantTurn: undefined }),
      withToolResults: ({ history }) => history,
    };
    const asked: unknown[] = [];
    const client = {
      [Symbol.for('gemgate.toolLoopAdapter')]: (options: unknown) => {
        asked.push(options);
        return adapter;
      },
    };
    expect(toolLoopAdapterOf({ client, model: 'gemini-2.5-flash' })).toBe(adapter);
    expect(asked).toEqual([{ model: 'gemini-2.5-flash' }]);
    expect(() => toolLoopAdapterOf({ client: {}, model: 'gemini-2.5-flash' })).toThrow(/createGemini\(\)/);
    expect(() => toolLoopAdapterOf({ client: undefined, model: 'gemini-2.5-flash' })).toThrow(
      InvalidArgumentError,
    );
  });
});
