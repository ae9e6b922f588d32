import { InvalidArgumentError } from '@gemgate/core-transport';
import { toolNamePattern } from '@gemgate/core-transport/json-schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkToolNames } from './check-tool-names.js';

const tool = (name: string) => ({ type: 'function' as const, function: { name } });

describe('checkToolNames', () => {
  it('accepts names Gemini accepts', () => {
    expect(() =>
      checkToolNames({ params: { tools: [tool('schedule_meeting'), tool('_x.y-z'), tool('a'.repeat(64))] } }),
    ).not.toThrow();
  });

  it.each(['get weather', '1st', 'a'.repeat(65), 'naïve', '', 'mcp:search'])(
    'rejects %j, naming the tool',
    (name) => {
      let caught: unknown;
      try {
        checkToolNames({ params: { tools: [tool('ok'), tool(name)] } });
      } catch (error) {
        caught = error;
      }
      expect(InvalidArgumentError.isInstance(caught)).toBe(true);
      expect((caught as InvalidArgumentError).argument).toBe('tools.1.function.name');
    },
  );

  it('agrees with the rule for any name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (name) => {
        const valid = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/.test(name);
        const check = () => checkToolNames({ params: { tools: [tool(name)] } });
        if (valid) expect(check).not.toThrow();
        else expect(check).toThrow(/not a valid function name/);
      }),
    );
  });

  it("uses core's rule, the one the native client applies to function declarations", () => {
    expect(() => checkToolNames({ params: { tools: [tool('a'.repeat(65))] } })).toThrow(
      expect.objectContaining({ argument: 'tools.0.function.name' }),
    );
    expect(toolNamePattern.source).toBe('^[A-Za-z_][A-Za-z0-9_.-]{0,63}$');
  });

  it('rejects a forced tool_choice that names no declared tool', () => {
    expect(() =>
      checkToolNames({
        params: { tools: [tool('a')], tool_choice: { type: 'function', function: { name: 'b' } } },
      }),
    ).toThrow(/not one of the declared tools/);
  });

  it('rejects a name declared twice, naming the second', () => {
    let caught: unknown;
    try {
      checkToolNames({ params: { tools: [tool('a'), tool('b'), tool('a')] } });
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ argument: 'tools.2.function.name' });
    expect((caught as Error).message).toContain('declared twice');
  });
});
