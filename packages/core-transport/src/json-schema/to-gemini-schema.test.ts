import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidArgumentError } from '../errors.js';
import { toGeminiSchema } from './to-gemini-schema.js';
import { toJsonSchema } from './to-json-schema.js';

const fromZod = (schema: z.ZodType) => toGeminiSchema({ schema: toJsonSchema({ schema }) });

function argumentOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error.argument;
    throw error;
  }
  return undefined;
}

describe('toGeminiSchema', () => {
  it('converts nested objects, arrays, enums, optional and nullable fields, ints and records', () => {
    const schema = z.object({
      recipe: z.string().describe('name of the dish'),
      minutes: z.number().int().nullable(),
      servings: z.number().int().positive().optional(),
      tags: z.array(z.enum(['quick', 'vegan'])),
      steps: z.array(z.object({ text: z.string(), at: z.iso.datetime() })),
      size: z.enum(['S', 'M']).nullable(),
      extras: z.record(z.string(), z.number()),
      answer: z.union([z.string(), z.number()]),
      kind: z.literal('recipe'),
    });
    expect(fromZod(schema)).toMatchInlineSnapshot(`
      {
        "properties": {
          "answer": {
            "anyOf": [
              {
                "type": "string",
              },
              {
                "type": "number",
              },
            ],
          },
          "extras": {
            "type": "object",
          },
          "kind": {
            "enum": [
              "recipe",
            ],
            "type": "string",
          },
          "minutes": {
            "nullable": true,
            "type": "integer",
          },
          "recipe": {
            "description": "name of the dish",
            "type": "string",
          },
          "servings": {
            "minimum": 1,
            "type": "integer",
          },
          "size": {
            "enum": [
              "S",
              "M",
            ],
            "nullable": true,
            "type": "string",
          },
          "steps": {
            "items": {
              "properties": {
                "at": {
                  "format": "date-time",
                  "pattern": "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$",
                  "type": "string",
                },
                "text": {
                  "type": "string",
                },
              },
              "propertyOrdering": [
                "text",
                "at",
              ],
              "required": [
                "text",
                "at",
              ],
              "type": "object",
            },
            "type": "array",
          },
          "tags": {
            "items": {
              "enum": [
                "quick",
                "vegan",
              ],
              "type": "string",
            },
            "type": "array",
          },
        },
        "propertyOrdering": [
          "recipe",
          "minutes",
          "servings",
          "tags",
          "steps",
          "size",
          "extras",
          "answer",
          "kind",
        ],
        "required": [
          "recipe",
          "minutes",
          "tags",
          "steps",
          "size",
          "extras",
          "answer",
          "kind",
        ],
        "type": "object",
      }
    `);
  });

  it('reads JSON Schema spellings of null: type lists, anyOf branches, null in an enum', () => {
    expect(
      toGeminiSchema({
        schema: {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          type: 'object',
          additionalProperties: false,
          properties: {
            a: { type: ['string', 'null'], format: 'email' },
            b: { anyOf: [{ type: 'number' }, { type: 'null' }], description: 'b' },
            c: { enum: ['x', null] },
            d: { type: ['string', 'integer'] },
          },
        },
        propertyOrdering: false,
      }),
    ).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string', nullable: true },
        b: { type: 'number', description: 'b', nullable: true },
        c: { type: 'string', enum: ['x'], nullable: true },
        d: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
      },
    });
  });

  it("takes a schema already in Gemini's subset (uppercase types, nullable) and keeps its order", () => {
    expect(
      toGeminiSchema({
        schema: {
          type: 'OBJECT',
          properties: { q: { type: 'STRING', nullable: true }, n: { type: 'INTEGER', format: 'int32' } },
          propertyOrdering: ['n', 'q'],
        },
      }),
    ).toEqual({
      type: 'object',
      properties: { q: { type: 'string', nullable: true }, n: { type: 'integer', format: 'int32' } },
      propertyOrdering: ['n', 'q'],
    });
  });

  it('remembers the conversion of a frozen schema (a cached zod conversion), and only of one', () => {
    const jsonSchema = toJsonSchema({ schema: z.object({ a: z.string() }) });
    const first = toGeminiSchema({ schema: jsonSchema });
    expect(toGeminiSchema({ schema: jsonSchema })).toBe(first);
    expect(Object.isFrozen(first.properties)).toBe(true);
    expect(toGeminiSchema({ schema: jsonSchema, propertyOrdering: false })).not.toHaveProperty(
      'propertyOrdering',
    );
    const open = { type: 'object', properties: { a: { type: 'string' } } };
    expect(toGeminiSchema({ schema: open })).not.toBe(toGeminiSchema({ schema: open }));
  });

  it('inlines a $ref that is not recursive', () => {
    const point = z.object({ x: z.number() });
    const schema = z.object({ from: point, to: point });
    const jsonSchema = toJsonSchema({ schema: z.object({ a: schema }) });
    expect(toGeminiSchema({ schema: { ...jsonSchema } })).toMatchObject({
      properties: { a: { properties: { from: { properties: { x: { type: 'number' } } } } } },
    });
    expect(
      toGeminiSchema({
        schema: {
          type: 'object',
          properties: { p: { $ref: '#/$defs/Point' } },
          $defs: { Point: { type: 'string' } },
        },
      }),
    ).toEqual({ type: 'object', properties: { p: { type: 'string' } }, propertyOrdering: ['p'] });
  });

  it('refuses a recursive schema, pointing to JSON Schema', () => {
    interface Node {
      children: Node[];
    }
    const node: z.ZodType<Node> = z.object({ children: z.array(z.lazy(() => node)) });
    let caught: unknown;
    try {
      toGeminiSchema({ schema: toJsonSchema({ schema: node }), path: 'config.responseSchema' });
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect((caught as InvalidArgumentError).argument).toBe('config.responseSchema.properties.children.items');
    expect((caught as Error).message).toMatch(/responseJsonSchema/);
  });

  it.each([
    [{ type: 'integer', enum: [1, 2] }, 'schema.enum'],
    [{ type: 'object', properties: { on: { const: true } } }, 'schema.properties.on.const'],
    [{ type: 'array', prefixItems: [{ type: 'string' }] }, 'schema.prefixItems'],
    [{ allOf: [{ type: 'object' }, { type: 'object' }] }, 'schema.allOf'],
    [{ type: 'date' }, 'schema.type'],
    [{ type: 'object', properties: { n: { type: 'integer', default: 1n } } }, 'schema.properties.n.default'],
  ])('refuses what JSON or the subset cannot say (case %#), naming %s', (schema, path) => {
    expect(argumentOf(() => toGeminiSchema({ schema }))).toBe(path);
  });
});
