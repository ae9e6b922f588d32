import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidArgumentError } from '../errors.js';
import { checkToolSchema } from './check-tool-schema.js';

function argumentOf(schema: unknown): string | undefined {
  try {
    checkToolSchema({ schema: schema as Record<string, unknown>, path: 'tools.1.function.parameters' });
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error.argument;
    throw error;
  }
  return undefined;
}

describe('checkToolSchema', () => {
  it('accepts string enums, with or without a type, and nullable ones', () => {
    expect(argumentOf({ type: 'object', properties: { unit: { type: 'string', enum: ['c', 'f'] } } })).toBe(
      undefined,
    );
    expect(argumentOf({ properties: { unit: { enum: ['c', 'f', null] } } })).toBeUndefined();
    expect(
      argumentOf(z.object({ unit: z.enum(['c', 'f']).nullable(), kind: z.literal('x') })),
    ).toBeUndefined();
  });

  it.each([
    [{ type: 'object', properties: { n: { type: 'integer', enum: [1, 2] } } }, 'properties.n.enum'],
    [{ type: 'object', properties: { n: { enum: ['a', 2] } } }, 'properties.n.enum'],
    [{ type: 'object', properties: { on: { const: true } } }, 'properties.on.const'],
    [{ anyOf: [{ type: 'string' }, { type: 'number', enum: [1] }] }, 'anyOf.1.enum'],
    [{ $defs: { Size: { type: 'integer', enum: [1] } } }, '$defs.Size.enum'],
  ])('names the node at fault in %j', (schema, where) => {
    expect(argumentOf(schema)).toBe(`tools.1.function.parameters.${where}`);
  });

  it('checks zod schemas through their JSON Schema', () => {
    expect(argumentOf(z.object({ size: z.literal([1, 2]) }))).toBe(
      'tools.1.function.parameters.properties.size.enum',
    );
  });

  it('names a BigInt or a circular value instead of throwing TypeError or RangeError', () => {
    expect(argumentOf({ type: 'object', properties: { n: { type: 'integer', maximum: 5n } } })).toBe(
      'tools.1.function.parameters.properties.n.maximum',
    );
    const loop: Record<string, unknown> = { type: 'object' };
    loop.properties = { again: loop };
    expect(argumentOf(loop)).toBe('tools.1.function.parameters.properties.again');
  });
});
