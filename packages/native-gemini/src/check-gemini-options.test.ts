import { InvalidArgumentError } from '@gemgate/core-transport';
import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGemini, type GeminiOptions } from './create-gemini.js';
import { GoogleGenAI, type GoogleGenAIOptions } from './google-genai-compat.js';

const apiKey = 'sk-options-key-0123456789';
let gateway: MockGateway;

beforeAll(async () => {
  gateway = await startMockGateway({ apiKeys: [apiKey] });
});
beforeEach(() => gateway.reset());
afterAll(() => gateway.close());

function refusal(build: () => unknown): InvalidArgumentError {
  try {
    build();
  } catch (error) {
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    return error as InvalidArgumentError;
  }
  throw new Error('expected an InvalidArgumentError, nothing was thrown');
}

describe('createGemini options', () => {
  it('refuses baseUrl (the @google/genai spelling) naming baseURL, instead of calling the default host with the key', () => {
    const error = refusal(() =>
      createGemini({ apiKey, baseUrl: gateway.nativeBaseURL, env: {} } as GeminiOptions),
    );
    expect(error.message).toContain('did you mean baseURL?');
    expect(error.argument).toBe('baseUrl');
  });

  it('refuses timeOut naming timeout, and an unknown name listing the options', () => {
    expect(refusal(() => createGemini({ timeOut: 5000 } as GeminiOptions)).message).toContain(
      'did you mean timeout?',
    );
    const error = refusal(() => createGemini({ colour: 'blue' } as GeminiOptions));
    expect(error.message).toMatch(/no option "colour": remove it \(the options are apiKey, baseURL/);
  });

  it.each([
    ['apiKey', { apiKey: 123 }, /apiKey must be a string/],
    ['logger', { logger: {} }, /logger must have debug and warn functions \(missing debug and warn\)/],
    ['logger', { logger: { debug: () => {} } }, /missing warn/],
    ['middleware[0]', { middleware: [123] }, /middleware\[0\] must be a function/],
    ['middleware', { middleware: () => {} }, /middleware must be a list/],
    ['streamFormat', { streamFormat: 'ndjson' }, /streamFormat must be "sse" or "json-array"/],
    ['options', null, /options must be an object/],
  ])('refuses a bad %s with an InvalidArgumentError naming it', (argument, options, message) => {
    const error = refusal(() => createGemini(options as GeminiOptions));
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(message);
  });

  it('still takes every documented option', async () => {
    const client = createGemini({
      apiKey,
      baseURL: gateway.nativeBaseURL,
      apiVersion: 'v1beta',
      headers: { 'x-team': 'a' },
      appCode: undefined,
      timeout: 30_000,
      maxRetries: 0,
      middleware: [(request, next) => next(request)],
      logger: { debug: () => {}, warn: () => {} },
      dispatcher: undefined,
      env: {},
      streamFormat: 'sse',
    });
    await client.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Hi' });
    expect(gateway.requests).toHaveLength(1);
    await client.close();
  });
});

describe('GoogleGenAI options', () => {
  it.each([
    [{ baseUrl: 'http://127.0.0.1:1/gemini' }, 'baseUrl', 'did you mean httpOptions.baseUrl?'],
    [{ baseURL: 'http://127.0.0.1:1/gemini' }, 'baseURL', 'did you mean httpOptions.baseUrl?'],
    [{ timeout: 1000 }, 'timeout', 'did you mean httpOptions.timeout?'],
    [
      { httpOptions: { baseURL: 'http://127.0.0.1:1/gemini' } },
      'httpOptions.baseURL',
      'did you mean baseUrl?',
    ],
    [{ httpOptions: { timeOut: 1000 } }, 'httpOptions.timeOut', 'did you mean timeout?'],
  ])('refuses %j naming %s', (options, argument, advice) => {
    const error = refusal(() => new GoogleGenAI({ apiKey, env: {}, ...options } as GoogleGenAIOptions));
    expect(error.argument).toBe(argument);
    expect(error.message).toContain(advice);
  });

  it('refuses gemgate option values through the drop-in too', () => {
    expect(
      refusal(() => new GoogleGenAI({ apiKey: 123, env: {} } as unknown as GoogleGenAIOptions)).argument,
    ).toBe('apiKey');
  });
});
