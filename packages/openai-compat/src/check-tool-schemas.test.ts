import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkToolSchemas } from './check-tool-schemas.js';

const tool = (parameters: unknown) => ({
  type: 'function' as const,
  function: { name: 'f', parameters: parameters as Record<string, unknown> },
});

function argumentOf(parameters: unknown): string | undefined {
  try {
    checkToolSchemas({ params: { tools: [tool({ type: 'object' }), tool(parameters)] } });
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error.argument;
    throw error;
  }
  return undefined;
}

describe('checkToolSchemas', () => {
  it('accepts string enums, with or without a type, and nullable ones', () => {
    expect(argumentOf({ type: 'object', properties: { unit: { type: 'string', enum: ['c', 'f'] } } })).toBe(
      undefined,
    );
    expect(argumentOf({ properties: { unit: { enum: ['c', 'f', null] } } })).toBeUndefined();
    expect(argumentOf(z.object({ unit: z.enum(['c', 'f']).nullable() }))).toBeUndefined();
  });

  it.each([
    [{ type: 'object', properties: { n: { type: 'integer', enum: [1, 2] } } }, 'properties.n.enum'],
    [{ type: 'object', properties: { n: { enum: ['a', 2] } } }, 'properties.n.enum'],
    [{ type: 'array', items: { type: 'boolean', enum: [true] } }, 'items.enum'],
    [{ anyOf: [{ type: 'string' }, { type: 'number', enum: [1] }] }, 'anyOf.1.enum'],
    [{ $defs: { Size: { type: 'integer', enum: [1] } } }, '$defs.Size.enum'],
  ])('names a non-string enum in %j', (parameters, where) => {
    expect(argumentOf(parameters)).toBe(`tools.1.function.parameters.${where}`);
  });

  it('names a BigInt or a circular value instead of throwing TypeError or RangeError', () => {
    expect(argumentOf({ type: 'object', properties: { n: { type: 'integer', default: 3n } } })).toBe(
      'tools.1.function.parameters.properties.n.default',
    );
    const loop: Record<string, unknown> = { type: 'object' };
    loop.properties = { again: loop };
    expect(argumentOf(loop)).toBe('tools.1.function.parameters.properties.again');
  });

  it('checks zod schemas too, through their JSON Schema', () => {
    expect(argumentOf(z.object({ size: z.literal([1, 2]) }))).toBe(
      'tools.1.function.parameters.properties.size.enum',
    );
  });
});
