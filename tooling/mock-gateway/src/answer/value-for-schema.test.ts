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

  it('honours exclusive bounds (2020-12 numbers and draft-4 booleans) and multipleOf', () => {
    for (let seed = 0; seed < 50; seed++) {
      const value = valueForSchema({
        random: createRandom({ seed }),
        schema: {
          type: 'object',
          properties: {
            positive: { type: 'integer', exclusiveMinimum: 0, maximum: 1 },
            below: { type: 'number', minimum: 0, exclusiveMaximum: 0.5 },
            draftFour: { type: 'integer', minimum: 10, exclusiveMinimum: true, maximum: 11 },
            negative: { type: 'integer', exclusiveMaximum: 0 },
            even: { type: 'integer', minimum: 1, maximum: 9, multipleOf: 2 },
          },
        },
      }) as { positive: number; below: number; draftFour: number; negative: number; even: number };
      expect(value.positive).toBe(1);
      expect(value.below >= 0 && value.below < 0.5).toBe(true);
      expect(value.draftFour).toBe(11);
      expect(value.negative).toBeLessThan(0);
      expect(value.even % 2 === 0 && value.even >= 2 && value.even <= 8).toBe(true);
    }
  });

  it('respects maxItems below the default length, and common string formats', () => {
    const value = valueForSchema({
      random: random(),
      schema: {
        type: 'object',
        properties: {
          none: { type: 'array', items: { type: 'string' }, maxItems: 0 },
          id: { type: 'string', format: 'uuid' },
          at: { type: 'string', format: 'time' },
          host: { type: 'string', format: 'ipv4' },
        },
      },
    }) as Record<string, any>;
    expect(value.none).toEqual([]);
    expect(value.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(value.at).toMatch(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(Z|[+-]\d\d:\d\d)$/);
    expect(value.host).toMatch(/^192\.0\.2\.\d{1,3}$/);
  });
});
