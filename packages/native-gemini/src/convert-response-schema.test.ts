import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { convertResponseJsonSchema, convertResponseSchema, isZodSchema } from './convert-response-schema.js';

describe('convertResponseSchema', () => {
  it('produces the OpenAPI subset with nullable, enums and the declared key order', () => {
    const schema = z.object({
      recipe: z.string().describe('name of the dish'),
      minutes: z.number().int().nullable(),
      tags: z.array(z.enum(['quick', 'vegan'])),
    });
    expect(convertResponseSchema(schema)).toEqual({
      type: 'object',
      properties: {
        recipe: { type: 'string', description: 'name of the dish' },
        minutes: { type: 'integer', nullable: true },
        tags: { type: 'array', items: { type: 'string', enum: ['quick', 'vegan'] } },
      },
      required: ['recipe', 'minutes', 'tags'],
      propertyOrdering: ['recipe', 'minutes', 'tags'],
    });
  });

  it('refuses a recursive schema and points to responseJsonSchema', () => {
    interface Node {
      children: Node[];
    }
    const node: z.ZodType<Node> = z.object({ children: z.array(z.lazy(() => node)) });
    try {
      convertResponseSchema(node);
      expect.unreachable();
    } catch (error) {
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/responseJsonSchema/);
    }
  });

  it('converts a recursive schema for responseJsonSchema, with $ref and no $schema', () => {
    interface Node {
      name: string;
      children: Node[];
    }
    const node: z.ZodType<Node> = z.object({ name: z.string(), children: z.array(z.lazy(() => node)) });
    const converted = convertResponseJsonSchema(node);
    expect(converted.$schema).toBeUndefined();
    expect(converted).toMatchObject({ type: 'object', required: ['name', 'children'] });
    expect(JSON.stringify(converted)).toContain('"$ref"');
  });

  it('tells zod schemas from plain objects', () => {
    expect(isZodSchema(z.string())).toBe(true);
    expect(isZodSchema({ type: 'string' })).toBe(false);
  });
});
