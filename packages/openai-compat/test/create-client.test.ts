import * as core from '@gemgate/core-transport';
import { AuthenticationError, InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import * as openaiCompat from '../src/index.js';
import { createOpenAICompat, type OpenAICompatOptions } from '../src/index.js';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();

function optionError(options: Record<string, unknown>): InvalidArgumentError {
  try {
    createOpenAICompat(options as OpenAICompatOptions);
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('createOpenAICompat', () => {
  it('defaults to https://aihubmix.com/v1, or AIHUBMIX_BASE_URL, and adds /v1 to a bare host', async () => {
    const clients = [
      createOpenAICompat({ apiKey: 'sk-x', env: {} }),
      createOpenAICompat({ apiKey: 'sk-x', env: { AIHUBMIX_BASE_URL: 'https://api.aihubmix.com' } }),
      createOpenAICompat({ apiKey: 'sk-x', baseURL: 'aihubmix.com', env: {} }),
      createOpenAICompat({ apiKey: 'sk-x', baseURL: 'http://127.0.0.1:9/custom/v1/', env: {} }),
    ];
    expect(clients.map((client) => client.baseURL)).toEqual([
      'https://aihubmix.com/v1',
      'https://api.aihubmix.com/v1',
      'https://aihubmix.com/v1',
      'http://127.0.0.1:9/custom/v1',
    ]);
    await Promise.all(clients.map((client) => client.close()));
  });

  it.each([
    ['baseUrl', 'did you mean baseURL?'],
    ['defaultHeaders', 'did you mean headers?'],
    ['fetchOptions', 'did you mean dispatcher'],
    ['organization', 'remove it'],
  ])('rejects the option %s, saying what to write instead', (name, advice) => {
    const error = optionError({ apiKey: 'sk-x', [name]: 'x' });
    expect(error.argument).toBe(name);
    expect(error.message).toContain(advice);
  });

  it('takes null as "no per-call options"', async () => {
    const client = mock.client();
    const messages = [{ role: 'user' as const, content: 'Hi' }];
    const completion = await client.chat.completions.create(
      { model: 'gemini-2.0-flash', messages },
      null as never,
    );
    expect(completion.text.length).toBeGreaterThan(0);
    expect((await client.models.list(null as never)).data.length).toBeGreaterThan(0);
  });

  it('sends nothing and says so when no API key is set', async () => {
    const client = createOpenAICompat({ baseURL: mock.gateway.openaiBaseURL, env: {} });
    try {
      await expect(
        client.chat.completions.create({
          model: 'gemini-2.0-flash',
          messages: [{ role: 'user', content: 'Hi' }],
        }),
      ).rejects.toSatisfy((error) => AuthenticationError.isInstance(error));
      expect(mock.gateway.requests).toHaveLength(0);
    } finally {
      await client.close();
    }
  });

  it('exports the error classes it throws, the very ones of core-transport', () => {
    const names = Object.keys(core).filter((name) => name.endsWith('Error'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      expect((openaiCompat as Record<string, unknown>)[name], name).toBe(
        (core as Record<string, unknown>)[name],
      );
    }
  });
});

describe('createOpenAICompat refuses hooks and keys of the wrong type, naming the field', () => {
  it.each([
    [{ apiKey: 123 }, 'apiKey'],
    [{ apiKey: 'sk-x', logger: {} }, 'logger'],
    [{ apiKey: 'sk-x', logger: { warn: () => {} } }, 'logger'],
    [{ apiKey: 'sk-x', middleware: [123] }, 'middleware[0]'],
    [{ apiKey: 'sk-x', middleware: () => {} }, 'middleware'],
  ])('%o', (options, argument) => {
    expect(optionError({ env: {}, ...options }).argument).toBe(argument);
  });
});
