import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChatCompletionCreateParams } from '../src/index.js';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();

function circular(): Record<string, unknown> {
  const value: Record<string, unknown> = { a: 1 };
  value.self = value;
  return value;
}
const loopingSchema = (): Record<string, unknown> => {
  const schema: Record<string, unknown> = { type: 'object' };
  schema.properties = { again: schema };
  return schema;
};
const toolTurn = (content: unknown) => [
  { role: 'user', content: 'Look it up.' },
  {
    role: 'assistant',
    content: null,
    tool_calls: [{ id: 'call-1', type: 'function', function: { name: 'f', arguments: '{}' } }],
  },
  { role: 'tool', tool_call_id: 'call-1', content },
];

describe('a value JSON cannot carry, anywhere in the request', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'a circular tool schema',
      { tools: [{ type: 'function', function: { name: 'f', parameters: loopingSchema() } }] },
      'tools.0.function.parameters.properties.again',
    ],
    [
      'a BigInt in a tool schema',
      { tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', default: 3n } } }] },
      'tools.0.function.parameters.default',
    ],
    ['a circular field the gateway passes on', { metadata: circular() }, 'metadata.self'],
    ['a BigInt field', { seed: 3n }, 'seed'],
    [
      'a circular extra_body setting',
      { extra_body: { google: { labels: circular() } } },
      'extra_body.google.labels.self',
    ],
    [
      'a BigInt in a tool message part',
      { messages: toolTurn([{ type: 'text', text: 'ok', score: 2n }]) },
      'messages.2.content.0.score',
    ],
    [
      'a circular tool message part',
      { messages: toolTurn([{ type: 'text', text: 'ok', detail: circular() }]) },
      'messages.2.content.0.detail.self',
    ],
  ])('%s is an InvalidArgumentError naming the field, and nothing is sent', async (_, fields, argument) => {
    const client = mock.client();
    const params = {
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Hi' }],
      ...fields,
    } as ChatCompletionCreateParams;
    const error = await client.chat.completions.create(params).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    expect((error as Error).message).toContain(argument);
    expect(mock.gateway.requests).toHaveLength(0);
  });

  it('still sends zod tool schemas, whose internals are not JSON', async () => {
    const client = mock.client();
    await client.chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Hi' }],
      tools: [{ type: 'function', function: { name: 'f', parameters: z.object({ city: z.string() }) } }],
    });
    expect(mock.lastBody().tools[0].function.parameters.properties.city.type).toBe('string');
  });

  it('names a circular field of embeddings.create too', async () => {
    const client = mock.client();
    const error = await client.embeddings
      .create({ model: 'gemini-embedding-001', input: 'hi', metadata: circular() })
      .catch((caught: unknown) => caught);
    expect((error as InvalidArgumentError).argument).toBe('metadata.self');
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
  });
});
