import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { InvalidArgumentError } from '../errors.js';
import { toJsonSchema } from './to-json-schema.js';

function errorOf(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('toJsonSchema', () => {
  it('drops $schema and the ±(2^53 - 1) bounds zod puts on every integer', () => {
    expect(toJsonSchema({ schema: z.object({ count: z.number().int(), small: z.int32() }) })).toEqual({
      type: 'object',
      properties: {
        count: { type: 'integer' },
        small: { type: 'integer', minimum: -2147483648, maximum: 2147483647 },
      },
      required: ['count', 'small'],
      additionalProperties: false,
    });
  });

  it('converts zod/mini schemas, which carry no toJSONSchema method, the same way', () => {
    const classic = z.object({ count: z.number().int(), name: z.string().optional() });
    const mini = zm.object({ count: zm.int(), name: zm.optional(zm.string()) });
    expect(toJsonSchema({ schema: mini })).toEqual(toJsonSchema({ schema: classic }));
  });

  it('remembers and freezes the conversion of a zod schema', () => {
    const schema = z.object({ a: z.string() });
    const first = toJsonSchema({ schema });
    expect(toJsonSchema({ schema })).toBe(first);
    expect(Object.isFrozen(first.properties)).toBe(true);
    expect(toJsonSchema({ schema, target: 'draft-07' })).not.toBe(first);
  });

  it('passes a JSON Schema object on, without $schema', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'integer', maximum: Number.MAX_SAFE_INTEGER } },
    };
    expect(toJsonSchema({ schema })).toBe(schema);
    expect(toJsonSchema({ schema: { $schema: 'x', ...schema } })).toEqual(schema);
  });

  it('names the path of a BigInt instead of failing later with a TypeError', () => {
    const error = errorOf(() =>
      toJsonSchema({
        schema: { type: 'object', properties: { n: { type: 'integer', default: 10n } } },
        path: 'tools.0.function.parameters',
      }),
    );
    expect(error.argument).toBe('tools.0.function.parameters.properties.n.default');
    expect(error.message).toMatch(/BigInt/);
  });

  it('names the path of a circular object instead of overflowing the stack', () => {
    const items: Record<string, unknown> = { type: 'object' };
    items.properties = { child: items };
    const error = errorOf(() =>
      toJsonSchema({ schema: { type: 'array', items }, path: 'config.responseSchema' }),
    );
    expect(error.argument).toBe('config.responseSchema.items.properties.child');
    expect(error.message).toMatch(/circular/);
  });

  it('turns a zod failure (BigInt metadata) into an InvalidArgumentError naming the argument', () => {
    const error = errorOf(() =>
      toJsonSchema({ schema: z.string().meta({ example: 1n }), path: 'response_format' }),
    );
    expect(error.argument).toBe('response_format');
  });

  it('keeps zod out of everything but zod input: no static import of zod in this module', () => {
    const folder = new URL('.', import.meta.url);
    for (const file of readdirSync(folder).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
    )) {
      const source = readFileSync(new URL(file, folder), 'utf8');
      expect(source, file).not.toMatch(/^import (?!type)[^;]*from 'zod/m);
    }
  });
});
