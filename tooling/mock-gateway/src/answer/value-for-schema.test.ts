import { describe, expect, it } from 'vitest';
import { createRandom } from '../text/hash.js';
import { valueForSchema } from './value-for-schema.js';

const random = () => createRandom({ seed: 42 });

describe('valueForSchema', () => {
  it('fills nested objects, arrays, enums and integers (JSON Schema)', () => {
    const value = valueForSchema({
      random: random(),
      schema: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 12 },
          size: { type: 'string', enum: ['S', 'M'] },
          count: { type: 'integer', minimum: 3, maximum: 5 },
          tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
          owner: { type: 'object', properties: { active: { type: 'boolean' } } },
          note: { type: ['string', 'null'] },
        },
      },
    }) as Record<string, any>;
    expect(value.name.length).toBeGreaterThanOrEqual(12);
    expect(['S', 'M']).toContain(value.size);
    expect(Number.isInteger(value.count) && value.count >= 3 && value.count <= 5).toBe(true);
    expect(value.tags.length).toBeGreaterThanOrEqual(2);
    expect(typeof value.owner.active).toBe('boolean');
    expect(typeof value.note).toBe('string');
  });

  it("accepts Google's uppercase OpenAPI types", () => {
    const value = valueForSchema({
      random: random(),
      schema: {
        type: 'OBJECT',
        properties: { n: { type: 'NUMBER' }, list: { type: 'ARRAY', items: { type: 'BOOLEAN' } } },
      },
    }) as Record<string, any>;
    expect(typeof value.n).toBe('number');
    expect(value.list.every((item: unknown) => typeof item === 'boolean')).toBe(true);
  });

  it('follows local $ref and picks a non-null anyOf branch', () => {
    const value = valueForSchema({
      random: random(),
      schema: {
        $defs: { point: { type: 'object', properties: { x: { type: 'integer' } } } },
        type: 'object',
        properties: {
          at: { $ref: '#/$defs/point' },
          maybe: { anyOf: [{ type: 'null' }, { type: 'integer' }] },
        },
      },
    }) as Record<string, any>;
    expect(value.at).toEqual({ x: expect.any(Number) });
    expect(typeof value.maybe).toBe('number');
  });

  it('is deterministic for a seed', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } } };
    expect(valueForSchema({ schema, random: random() })).toEqual(
      valueForSchema({ schema, random: random() }),
    );
  });
});
