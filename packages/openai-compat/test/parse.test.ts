import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidArgumentError, ResponseValidationError } from '@gemgate/core-transport';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createOpenAICompat, ParsedChatCompletion, zodResponseFormat } from '../src/index.js';
import { testApiKey, useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
const Meeting = z.object({ topic: z.string(), attendees: z.array(z.string()) });
const messages = [{ role: 'user' as const, content: 'Alice and Bob meet about the budget.' }];

describe('chat.completions.parse', () => {
  it('sends the zod schema as json_schema and types each choice’s message.parsed', async () => {
    const client = mock.client();
    const completion = await client.chat.completions.parse({
      model: 'gemini-2.5-flash',
      messages,
      response_format: zodResponseFormat(Meeting, 'meeting'),
    });
    expect(completion).toBeInstanceOf(ParsedChatCompletion);
    expect(mock.lastBody().response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'meeting', schema: { type: 'object' } },
    });
    const parsed = completion.choices[0]!.message.parsed;
    expectTypeOf(parsed).toEqualTypeOf<{ topic: string; attendees: string[] } | null>();
    expect(Meeting.parse(parsed)).toEqual(parsed);
    expect(completion.parsed).toEqual(parsed);
  });

  it('takes the zod schema itself as response_format', async () => {
    const client = mock.client();
    const completion = await client.chat.completions.parse({
      model: 'gemini-2.5-flash',
      messages,
      response_format: Meeting,
    });
    expect(mock.lastBody().response_format.json_schema.name).toBe('response');
    expect(Meeting.parse(completion.choices[0]!.message.parsed)).toBeTruthy();
  });

  it('refuses stream: true before sending, pointing at create', async () => {
    const client = mock.client();
    const error = await client.chat.completions
      .parse({ model: 'gemini-2.5-flash', messages, response_format: Meeting, stream: true as false })
      .catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('stream');
    expect(mock.gateway.requests).toHaveLength(0);
  });
});

describe('chat.completions.parse on answers it cannot parse', () => {
  const state: { server: Server; message: Record<string, unknown>; finishReason: string } = {
    server: createServer(),
    message: {},
    finishReason: 'stop',
  };
  beforeAll(async () => {
    // A local server answering whatever the test sets: the mock gateway answers only what Gemini would.
    state.server.on('request', (request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-parse-1' });
        response.end(
          JSON.stringify({
            id: 'c1',
            object: 'chat.completion',
            created: 1,
            model: 'gemini-2.5-flash',
            choices: [
              {
                index: 0,
                message: { role: 'assistant', ...state.message },
                finish_reason: state.finishReason,
              },
            ],
          }),
        );
      });
    });
    state.server.listen(0, '127.0.0.1');
    await once(state.server, 'listening');
  });
  afterAll(() => new Promise((resolve) => state.server.close(resolve)));

  async function parseError(message: Record<string, unknown>, finishReason = 'stop') {
    state.message = message;
    state.finishReason = finishReason;
    const client = createOpenAICompat({
      apiKey: testApiKey,
      baseURL: `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/v1`,
      maxRetries: 0,
    });
    try {
      const completion = await client.chat.completions.parse({
        model: 'gemini-2.5-flash',
        messages,
        response_format: zodResponseFormat(Meeting, 'meeting'),
      });
      return completion;
    } catch (error) {
      return error;
    } finally {
      await client.close();
    }
  }

  it.each([
    [{ content: null, refusal: 'I cannot help with that.' }, 'stop', 'choices.0.message.refusal', /refused/],
    [{ content: '{"topic": "bud' }, 'length', 'choices.0.finish_reason', /token limit/],
    [{ content: '' }, 'content_filter', 'choices.0.finish_reason', /content filter/],
    [{ content: 'Sure! The topic is the budget.' }, 'stop', 'choices.0.message.content', /not valid JSON/],
    [
      { content: '{"topic": 5, "attendees": []}' },
      'stop',
      'choices.0.message.content:topic',
      /does not match/,
    ],
  ])(
    '%j (finish_reason %s) is a ResponseValidationError at %s',
    async (message, finishReason, path, text) => {
      const error = await parseError(message, finishReason);
      expect(ResponseValidationError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ path, requestId: 'req-parse-1' });
      expect((error as Error).message).toMatch(text);
    },
  );

  it('gives parsed null for a choice that only called tools', async () => {
    const completion = await parseError(
      {
        content: null,
        tool_calls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
      'tool_calls',
    );
    expect(completion).toBeInstanceOf(ParsedChatCompletion);
    expect((completion as ParsedChatCompletion).choices[0]!.message.parsed).toBeNull();
  });
});
