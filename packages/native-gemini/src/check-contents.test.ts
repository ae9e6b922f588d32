import { binarySource, InvalidArgumentError } from '@gemgate/core-transport';
import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGemini, type Gemini } from './create-gemini.js';
import type { GenerateContentParameters } from './models.js';

const apiKey = 'sk-contents-key-0123456789';
let gateway: MockGateway;
let client: Gemini;

beforeAll(async () => {
  gateway = await startMockGateway({ apiKeys: [apiKey] });
  client = createGemini({
    apiKey,
    baseURL: gateway.nativeBaseURL,
    env: {},
    logger: { debug: () => {}, warn: () => {} },
  });
});
beforeEach(() => gateway.reset());
afterAll(async () => {
  await client.close();
  await gateway.close();
});

/** The refusal of a generation, checked to have sent nothing. */
async function refusal(parameters: unknown): Promise<InvalidArgumentError> {
  const error = await client.models.generateContent(parameters as GenerateContentParameters).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(InvalidArgumentError.isInstance(error)).toBe(true);
  expect(gateway.requests).toHaveLength(0);
  return error as InvalidArgumentError;
}

const model = 'gemini-2.0-flash';
const circular: Record<string, unknown> = { type: 'object' };
circular.self = circular;

describe('contents are checked before anything is sent', () => {
  it.each([
    ['{}', {}, 'contents', /carries nothing/],
    ['[{}]', [{}], 'contents[0]', /carries nothing/],
    ["{ parts: 'x' }", { parts: 'x' }, 'contents.parts', /must be a list of parts/],
    ['parts: []', [{ role: 'user', parts: [] }], 'contents[0].parts', /is empty/],
    [
      "role 'bogus'",
      [{ role: 'bogus', parts: [{ text: 'x' }] }],
      'contents[0].role',
      /"user" or "model", got "bogus"/,
    ],
    [
      'text: 5',
      [{ role: 'user', parts: [{ text: 'a' }, { text: 5 }] }],
      'contents[0].parts[1].text',
      /must be a string, got a number/,
    ],
    [
      'a string part in a content',
      [{ role: 'user', parts: ['hi'] }],
      'contents[0].parts[0]',
      /write \{ text: "hi" \}/,
    ],
    ['a loose part with text: 5', ['a', { text: 5 }], 'contents[1].text', /must be a string/],
    [
      'inlineData without mimeType',
      [{ role: 'user', parts: [{ inlineData: { data: 'AAAA' } }] }],
      'contents[0].parts[0].inlineData.mimeType',
      /is required/,
    ],
    [
      'a function response without a name',
      [{ role: 'user', parts: [{ functionResponse: { response: {} } }] }],
      'contents[0].parts[0].functionResponse.name',
      /name of the function called/,
    ],
    ['a number', 5, 'contents', /must be a string, a part/],
  ])('refuses %s, naming the path', async (_label, contents, argument, message) => {
    const error = await refusal({ model, contents });
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['a Buffer', Buffer.from('hello')],
    ['a Uint8Array', new Uint8Array([1, 2, 3])],
  ])('refuses %s as inlineData.data, saying to send base64 or use inlineMedia', async (_label, data) => {
    const error = await refusal({
      model,
      contents: [
        { role: 'user', parts: [{ text: 'Describe' }, { inlineData: { mimeType: 'image/png', data } }] },
      ],
    });
    expect(error.argument).toBe('contents[0].parts[1].inlineData.data');
    expect(error.message).toMatch(/must be a base64 string, got bytes/);
    expect(error.message).toContain("@gemgate/media's inlineMedia");
  });

  it.each([
    ['a BigInt', { count: 1n }, 'contents[0].parts[0].functionResponse.response.count', /BigInt/],
    ['a circular value', circular, 'contents[0].parts[0].functionResponse.response.self', /circular/],
  ])('refuses %s in functionResponse.response', async (_label, response, argument, message) => {
    const error = await refusal({
      model,
      contents: [{ role: 'user', parts: [{ functionResponse: { name: 'lookup', response } }] }],
    });
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(message);
  });

  it('refuses a system instruction with text: 5, but not its role', async () => {
    const error = await refusal({
      model,
      contents: 'Hi',
      config: { systemInstruction: { role: 'system', parts: [{ text: 5 }] } },
    });
    expect(error.argument).toBe('config.systemInstruction.parts[0].text');
  });

  it('refuses a call with no argument at all', async () => {
    const error = await refusal(undefined);
    expect(error.message).toMatch(
      /generateContent takes one object, \{ model, contents, config\? \}; got nothing/,
    );
  });

  it('refuses a chat message sent with no argument, and a bad part in a chat message', async () => {
    const chat = client.chats.create({ model });
    const noArgument = await chat.sendMessage(undefined as never).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(InvalidArgumentError.isInstance(noArgument)).toBe(true);
    expect(() => chat.sendMessageStream(undefined as never)).toThrow(/sendMessageStream takes one object/);
    expect(() => chat.sendMessageStream({ message: [{ text: 5 }] as never })).toThrow(
      /message\[0\]\.text must be a string/,
    );
    expect(gateway.requests).toHaveLength(0);
  });

  it('sends what the upstream takes: base64, binary slots, signatures, function turns', async () => {
    const data = binarySource({
      byteLength: 3,
      open: async function* () {
        yield new Uint8Array([1, 2, 3]);
      },
    });
    await client.models.generateContent({
      model,
      contents: [
        { role: 'user', parts: [{ text: 'a' }, { inlineData: { mimeType: 'image/png', data: 'AAAA' } }] },
        {
          role: 'model',
          parts: [{ functionCall: { name: 'lookup', args: { q: 'x' } }, thoughtSignature: 'sig' }],
        },
        { role: 'user', parts: [{ functionResponse: { name: 'lookup', response: { at: new Date(0) } } }] },
        { role: 'model', parts: [{ text: '', thoughtSignature: 'sig' }] },
        {
          role: 'user',
          parts: [{ inlineData: { mimeType: 'image/png', data } }, { fileData: { fileUri: 'files/a' } }],
        },
      ],
    });
    expect(gateway.requests).toHaveLength(1);
  });
});

describe('tool declarations are checked before anything is sent', () => {
  const declarationPath = 'config.tools.0.functionDeclarations.0';

  it.each(['parameters', 'parametersJsonSchema'])(
    'refuses a string %s, saying to parse it',
    async (field) => {
      const error = await refusal({
        model,
        contents: 'Hi',
        config: { tools: [{ functionDeclarations: [{ name: 'lookup', [field]: '{"type":"object"}' }] }] },
      });
      expect(error.argument).toBe(`${declarationPath}.${field}`);
      expect(error.message).toMatch(
        /JSON Schema object or a zod schema, got a string \(JSON.parse it first\)/,
      );
    },
  );

  it.each([
    ['a BigInt', { type: 'integer', maximum: 10n }, /BigInt/],
    ['a circular value', circular, /circular/],
  ])('refuses %s in a tool schema', async (_label, parameters, message) => {
    const error = await refusal({
      model,
      contents: 'Hi',
      config: { tools: [{ functionDeclarations: [{ name: 'lookup', parameters }] }] },
    });
    expect(error.argument?.startsWith(`${declarationPath}.parameters`)).toBe(true);
    expect(error.message).toMatch(message);
  });
});
