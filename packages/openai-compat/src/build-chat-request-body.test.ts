import { binarySource } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildChatRequestBody } from './build-chat-request-body.js';
import { parseChatParams } from './parse-chat-params.js';

const base = { model: 'gemini-2.0-flash', messages: [{ role: 'user', content: 'Hi' }] };
const tool = {
  type: 'function',
  function: { name: 'lookup', parameters: { type: 'object', properties: {} } },
};
const plan = (params: Record<string, unknown>) =>
  buildChatRequestBody({ params: parseChatParams({ params: { ...base, ...params } }) });

describe('buildChatRequestBody', () => {
  it('sends tool_choice "auto" when tools come without one', () => {
    expect(plan({ tools: [tool] }).body.tool_choice).toBe('auto');
  });

  it('keeps an explicit tool_choice', () => {
    expect(plan({ tools: [tool], tool_choice: 'required' }).body.tool_choice).toBe('required');
  });

  it('drops tool_choice and an empty tools list when there is nothing to choose from', () => {
    const body = plan({ tools: [], tool_choice: 'auto' }).body;
    expect(body).not.toHaveProperty('tool_choice');
    expect(body).not.toHaveProperty('tools');
    expect(plan({ tool_choice: 'required' }).body).not.toHaveProperty('tool_choice');
  });

  it('asks for usage on streams unless the caller chose', () => {
    expect(plan({ stream: true }).body.stream_options).toEqual({ include_usage: true });
    expect(plan({ stream: true, stream_options: { include_usage: false } }).body.stream_options).toEqual({
      include_usage: false,
    });
    expect(plan({ stream: true, stream_options: null }).body).not.toHaveProperty('stream_options');
    expect(plan({ stream_options: { include_usage: true } }).body).not.toHaveProperty('stream_options');
  });

  it('converts zod schemas in response_format and tool parameters to JSON Schema', () => {
    const schema = z.object({ city: z.string(), days: z.number().int() });
    const result = plan({
      response_format: { type: 'json_schema', json_schema: { name: 'forecast', schema } },
      tools: [{ type: 'function', function: { name: 'lookup', parameters: schema } }],
    });
    const expected = {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer' } },
      required: ['city', 'days'],
    };
    expect(result.body.response_format).toMatchObject({
      json_schema: { name: 'forecast', schema: expected },
    });
    expect(
      (result.body.tools as Array<{ function: { parameters: unknown } }>)[0]!.function.parameters,
    ).toMatchObject(expected);
    expect(JSON.stringify(result.body)).not.toContain('$schema');
    expect(result.responseSchema).toBe(schema);
    expect(result.expectsJson).toBe(true);
  });

  it('sends z.number().int() without the ±(2^53 - 1) bounds, as the native client does', () => {
    const schema = z.object({ count: z.number().int() });
    const expected = {
      type: 'object',
      properties: { count: { type: 'integer' } },
      required: ['count'],
      additionalProperties: false,
    };
    const body = plan({
      response_format: { type: 'json_schema', json_schema: { name: 'count', schema } },
      tools: [{ type: 'function', function: { name: 'lookup', parameters: schema } }],
    }).body;
    expect((body.response_format as { json_schema: { schema: unknown } }).json_schema.schema).toEqual(
      expected,
    );
    expect((body.tools as Array<{ function: { parameters: unknown } }>)[0]!.function.parameters).toEqual(
      expected,
    );
  });

  it('sends a JSON Schema response_format without $schema, and names a BigInt in it', () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' };
    expect(
      (
        plan({ response_format: { type: 'json_schema', json_schema: { name: 'x', schema } } }).body
          .response_format as { json_schema: { schema: unknown } }
      ).json_schema.schema,
    ).toEqual({ type: 'object' });
    expect(() =>
      plan({
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'x',
            schema: { type: 'object', properties: { n: { type: 'integer', default: 1n } } },
          },
        },
      }),
    ).toThrow(
      expect.objectContaining({ argument: 'response_format.json_schema.schema.properties.n.default' }),
    );
  });

  it('converts a zod schema once and shares the frozen result between calls', () => {
    const schema = z.object({ city: z.string() });
    const parametersOf = () =>
      (
        plan({ tools: [{ type: 'function', function: { name: 'lookup', parameters: schema } }] }).body
          .tools as Array<{ function: { parameters: Record<string, unknown> } }>
      )[0]!.function.parameters;
    const first = parametersOf();
    expect(parametersOf()).toBe(first);
    // Shared, so frozen all the way down: no call can change what the next one sends.
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.properties)).toBe(true);
    expect(() => {
      (first.properties as Record<string, unknown>).city = { type: 'number' };
    }).toThrow(TypeError);
  });

  it('sends parallel_tool_calls as given', () => {
    expect(plan({ tools: [tool], parallel_tool_calls: false }).body.parallel_tool_calls).toBe(false);
  });

  it('sends extra_body.google as a top-level extra_body key, and unknown params as given', () => {
    const body = plan({
      extra_body: { google: { thinking_config: { thinking_budget: 800, include_thoughts: true } } },
      seed: 3,
    }).body;
    expect(body.extra_body).toEqual({
      google: { thinking_config: { thinking_budget: 800, include_thoughts: true } },
    });
    expect(body.seed).toBe(3);
  });
});

describe('requestBody', () => {
  it('is the body itself when no media part carries a binary slot', () => {
    const built = plan({
      messages: [
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] },
      ],
    });
    expect(built.requestBody).toBe(built.body);
  });

  it('marks the body json-with-binary when a media part carries a binary slot', () => {
    const url = binarySource({
      byteLength: 0,
      prefix: 'data:image/png;base64,',
      open: async function* () {},
    });
    const built = plan({
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }],
    });
    expect(built.requestBody).toEqual({ kind: 'json-with-binary', value: built.body });
    expect((built.body.messages as any)[0].content[0].image_url.url).toBe(url);
  });
  it('sends thinking_level in the lower case Google documents for this route, keeping the rest', () => {
    const extra_body = {
      google: { thinking_config: { thinking_level: 'HIGH', include_thoughts: true }, cached_content: 'c1' },
    };
    const body = plan({ model: 'gemini-3-pro-preview', extra_body }).body;
    expect(body.extra_body).toEqual({
      google: { thinking_config: { thinking_level: 'high', include_thoughts: true }, cached_content: 'c1' },
    });
    // The caller's object is not changed.
    expect(extra_body.google.thinking_config.thinking_level).toBe('HIGH');
  });
});
