import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { checkToolName, toolNamePattern } from './check-tool-name.js';

describe('checkToolName', () => {
  it.each(['schedule_meeting', '_x.y-z', 'a'.repeat(64), 'A1'])('accepts %j', (name) => {
    expect(() => checkToolName({ name, path: 'tools.0.function.name' })).not.toThrow();
  });

  it.each(['get weather', '1st', 'a'.repeat(65), 'naïve', '', 'mcp:search', '-x'])(
    'rejects %j, naming the path',
    (name) => {
      let caught: unknown;
      try {
        checkToolName({ name, path: 'config.tools.0.functionDeclarations.1.name' });
      } catch (error) {
        caught = error;
      }
      expect(InvalidArgumentError.isInstance(caught)).toBe(true);
      expect((caught as InvalidArgumentError).argument).toBe('config.tools.0.functionDeclarations.1.name');
    },
  );

  it('agrees with toolNamePattern for any name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (name) => {
        const check = () => checkToolName({ name, path: 'name' });
        if (toolNamePattern.test(name)) expect(check).not.toThrow();
        else expect(check).toThrow(/not a valid function name/);
      }),
    );
  });
});
