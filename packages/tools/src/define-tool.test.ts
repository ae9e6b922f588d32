import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from './define-tool.js';
import { toGeminiFunctionDeclarations, toOpenAITools } from './tool-declarations.js';

const execute = () => 'ok';

function caught(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

const order = z.object({
  customer: z.object({ name: z.string(), email: z.email().optional() }),
  items: z.array(z.object({ sku: z.string(), quantity: z.number().int().min(1) })).min(1),
  size: z.enum(['S', 'M', 'L']),
  note: z.string().nullable(),
  delivery: z.union([
    z.object({ kind: z.literal('pickup') }),
    z.object({ kind: z.literal('ship'), address: z.string() }),
  ]),
});

describe('defineTool conversion', () => {
  const tool = defineTool({
    name: 'place_order',
    description: 'Places an order.',
    parameters: order,
    execute,
  });

  it('converts nested objects, arrays, enums, optional, nullable and unions to the native OpenAPI subset', () => {
    expect(toGeminiFunctionDeclarations({ tools: [tool] })).toMatchInlineSnapshot(`
      {
        "functionDeclarations": [
          {
            "description": "Places an order.",
            "name": "place_order",
            "parameters": {
              "properties": {
                "customer": {
                  "properties": {
                    "email": {
                      "pattern": "^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$",
                      "type": "string",
                    },
                    "name": {
                      "type": "string",
                    },
                  },
                  "propertyOrdering": [
                    "name",
                    "email",
                  ],
                  "required": [
                    "name",
                  ],
                  "type": "object",
                },
                "delivery": {
                  "anyOf": [
                    {
                      "properties": {
                        "kind": {
                          "enum": [
                            "pickup",
                          ],
                          "type": "string",
                        },
                      },
                      "propertyOrdering": [
                        "kind",
                      ],
                      "required": [
                        "kind",
                      ],
                      "type": "object",
                    },
                    {
                      "properties": {
                        "address": {
                          "type": "string",
                        },
                        "kind": {
                          "enum": [
                            "ship",
                          ],
                          "type": "string",
                        },
                      },
                      "propertyOrdering": [
                        "kind",
                        "address",
                      ],
                      "required": [
                        "kind",
                        "address",
                      ],
                      "type": "object",
                    },
                  ],
                },
                "items": {
                  "items": {
                    "properties": {
                      "quantity": {
                        "minimum": 1,
                        "type": "integer",
                      },
                      "sku": {
                        "type": "string",
                      },
                    },
                    "propertyOrdering": [
                      "sku",
                      "quantity",
                    ],
                    "required": [
                      "sku",
                      "quantity",
                    ],
                    "type": "object",
                  },
                  "minItems": 1,
                  "type": "array",
                },
                "note": {
                  "nullable": true,
                  "type": "string",
                },
                "size": {
                  "enum": [
                    "S",
                    "M",
                    "L",
                  ],
                  "type": "string",
                },
              },
              "propertyOrdering": [
                "customer",
                "items",
                "size",
                "note",
                "delivery",
              ],
              "required": [
                "customer",
                "items",
                "size",
                "note",
                "delivery",
              ],
              "type": "object",
            },
          },
        ],
      }
    `);
  });

  it('sends the JSON Schema as parametersJsonSchema when asked, and as OpenAI parameters', () => {
    expect(toGeminiFunctionDeclarations({ tools: [tool], schemaFormat: 'json-schema' })).toEqual({
      functionDeclarations: [
        { name: 'place_order', description: 'Places an order.', parametersJsonSchema: tool.parameters },
      ],
    });
    expect(toOpenAITools({ tools: [tool] })).toMatchInlineSnapshot(`
      [
        {
          "function": {
            "description": "Places an order.",
            "name": "place_order",
            "parameters": {
              "additionalProperties": false,
              "properties": {
                "customer": {
                  "additionalProperties": false,
                  "properties": {
                    "email": {
                      "format": "email",
                      "pattern": "^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$",
                      "type": "string",
                    },
                    "name": {
                      "type": "string",
                    },
                  },
                  "required": [
                    "name",
                  ],
                  "type": "object",
                },
                "delivery": {
                  "anyOf": [
                    {
                      "additionalProperties": false,
                      "properties": {
                        "kind": {
                          "const": "pickup",
                          "type": "string",
                        },
                      },
                      "required": [
                        "kind",
                      ],
                      "type": "object",
                    },
                    {
                      "additionalProperties": false,
                      "properties": {
                        "address": {
                          "type": "string",
                        },
                        "kind": {
                          "const": "ship",
                          "type": "string",
                        },
                      },
                      "required": [
                        "kind",
                        "address",
                      ],
                      "type": "object",
                    },
                  ],
                },
                "items": {
                  "items": {
                    "additionalProperties": false,
                    "properties": {
                      "quantity": {
                        "minimum": 1,
                        "type": "integer",
                      },
                      "sku": {
                        "type": "string",
                      },
                    },
                    "required": [
                      "sku",
                      "quantity",
                    ],
                    "type": "object",
                  },
                  "minItems": 1,
                  "type": "array",
                },
                "note": {
                  "type": [
                    "string",
                    "null",
                  ],
                },
                "size": {
                  "enum": [
                    "S",
                    "M",
                    "L",
                  ],
                  "type": "string",
                },
              },
              "required": [
                "customer",
                "items",
                "size",
                "note",
                "delivery",
              ],
              "type": "object",
            },
          },
          "type": "function",
        },
      ]
    `);
  });

  it('takes a JSON Schema as it is, and no parameters as an empty object', () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    expect(defineTool({ name: 'get_weather', parameters: schema, execute }).parameters).toEqual(schema);
    expect(defineTool({ name: 'clock', execute }).declaration).toEqual({
      name: 'clock',
      parameters: { type: 'object', properties: {} },
    });
  });

  it('refuses a recursive schema, naming where the recursion is', () => {
    interface Category {
      name: string;
      children: Category[];
    }
    const category: z.ZodType<Category> = z.lazy(() =>
      z.object({ name: z.string(), children: z.array(category) }),
    );
    const error = caught(() =>
      defineTool({ name: 'save_tree', parameters: z.object({ root: category }), execute }),
    );
    expect(error.argument).toBe('parameters.properties.root.properties.children.items');
    expect(error.message).toMatch(
      /^parameters\.properties\.root\.properties\.children\.items: the parameters of tool "save_tree" refer to themselves \(a recursive schema\)/,
    );
  });

  it('refuses a bad name, a schema that is not an object, and a number enum, naming the path', () => {
    expect(caught(() => defineTool({ name: 'get weather', execute })).message).toMatch(
      /^name "get weather" is not a valid function name/,
    );
    expect(caught(() => defineTool({ name: 'f', parameters: z.string() as never, execute })).message).toMatch(
      /parameters of tool "f" must describe an object/,
    );
    const error = caught(() =>
      defineTool({
        name: 'f',
        parameters: { type: 'object', properties: { size: { type: 'integer', enum: [1, 2] } } },
        execute,
      }),
    );
    expect(error.argument).toBe('parameters.properties.size.enum');
    expect(caught(() => defineTool({ name: 'f', execute, timeoutMs: -1 })).argument).toBe('timeoutMs');
  });
});

describe('argument checks', () => {
  it('checks with zod for a zod schema, giving the path of the first issue', () => {
    const tool = defineTool({ name: 'place_order', parameters: order, execute });
    expect(
      tool.checkArguments({
        customer: { name: 'A' },
        items: [],
        size: 'S',
        note: null,
        delivery: { kind: 'pickup' },
      }),
    ).toEqual({
      success: false,
      message: expect.stringMatching(/^\$\.items: /),
    });
    const good = {
      customer: { name: 'A' },
      items: [{ sku: 'x', quantity: 1 }],
      size: 'M',
      note: null,
      delivery: { kind: 'pickup' },
    };
    expect(tool.checkArguments(good)).toEqual({ success: true, arguments: good });
  });

  it('checks a JSON Schema tool without a validator: types, required, enum, nested, nullable, anyOf', () => {
    const tool = defineTool({
      name: 'f',
      parameters: {
        type: 'object',
        properties: {
          size: { type: 'string', enum: ['S', 'M'] },
          tags: { type: 'array', items: { type: 'string' } },
          when: { anyOf: [{ type: 'string' }, { type: 'null' }] },
          place: {
            type: 'object',
            properties: { zip: { type: 'integer' } },
            required: ['zip'],
            additionalProperties: false,
          },
        },
        required: ['size'],
      },
      execute,
    });
    const message = (value: unknown) => {
      const checked = tool.checkArguments(value);
      return checked.success ? undefined : checked.message;
    };
    expect(message({ size: 'S', tags: ['a'], when: null, place: { zip: 75001 } })).toBeUndefined();
    expect(message({})).toBe('$: "size" is required');
    expect(message({ size: 'XL' })).toBe('$.size: must be one of ["S","M"]');
    expect(message({ size: 'S', tags: ['a', 2] })).toBe('$.tags[1]: expected string, got number');
    expect(message({ size: 'S', when: 3 })).toBe('$.when: expected string, got number');
    expect(message({ size: 'S', place: { zip: 1.5 } })).toBe('$.place.zip: expected integer, got number');
    expect(message({ size: 'S', place: { zip: 1, city: 'x' } })).toBe(
      '$.place.city: is not an expected property',
    );
  });
});

describe('defineTool types', () => {
  it("types execute's arguments from the zod schema, and as a JSON object otherwise", () => {
    defineTool({
      name: 'typed',
      parameters: z.object({ city: z.string(), days: z.number().optional() }),
      execute: (value) => {
        expectTypeOf(value).toEqualTypeOf<{ city: string; days?: number | undefined }>();
      },
    });
    defineTool({
      name: 'untyped',
      parameters: { type: 'object' },
      execute: (value) => {
        expectTypeOf(value).toEqualTypeOf<Record<string, unknown>>();
      },
    });
  });
});
