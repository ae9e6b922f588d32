import { BadRequestError, ServerError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import type { Content } from '../src/index.js';
import { useGateway } from './gateway.js';

const { gateway, client } = useGateway();

const weatherTool = {
  functionDeclarations: [
    {
      name: 'get_weather',
      description: 'Weather of a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  ],
};

describe('chats against the mock gateway', () => {
  it('keeps history across sendMessage calls and sends it with the next message', async () => {
    const chat = client().chats.create({ model: 'gemini-2.0-flash', config: { temperature: 0.2 } });
    const first = await chat.sendMessage({ message: 'My name is Ada.' });
    await chat.sendMessage({ message: 'What is my name?' });
    const history = chat.getHistory();
    expect(history.map((content) => content.role)).toEqual(['user', 'model', 'user', 'model']);
    expect(history[1]).toEqual(first.candidates?.[0]?.content);
    const second = gateway().requests[1]?.body as { contents: Content[]; generationConfig: unknown };
    expect(second.contents).toHaveLength(3);
    expect(second.generationConfig).toEqual({ temperature: 0.2 });
  });

  it('sends Gemini 3 thought signatures back in place, so a function-call turn succeeds', async () => {
    const chat = client().chats.create({ model: 'gemini-3-pro-preview', config: { tools: [weatherTool] } });
    const call = await chat.sendMessage({ message: 'Call get_weather for Paris' });
    const [functionCall] = call.functionCalls ?? [];
    expect(functionCall?.name).toBe('get_weather');
    expect(functionCall?.thoughtSignature).toBeTruthy();
    const answer = await chat.sendMessage({
      message: {
        functionResponse: { name: 'get_weather', id: functionCall?.id, response: { temperature: 21 } },
      },
    });
    expect(answer.text.length).toBeGreaterThan(0);
    const sent = gateway().requests[1]?.body as { contents: Content[] };
    expect(sent.contents[1]?.parts?.[0]?.thoughtSignature).toBe(functionCall?.thoughtSignature);
  });

  it('proves the signature matters: the same history without it is a 400', async () => {
    const gemini = client();
    const chat = gemini.chats.create({ model: 'gemini-3-pro-preview', config: { tools: [weatherTool] } });
    await chat.sendMessage({ message: 'Call get_weather for Paris' });
    const stripped = chat.getHistory().map((content) => ({
      ...content,
      parts: content.parts?.map(({ thoughtSignature: _signature, ...part }) => part),
    }));
    const unsigned = gemini.chats.create({
      model: 'gemini-3-pro-preview',
      config: { tools: [weatherTool] },
      history: stripped,
    });
    await expect(
      unsigned.sendMessage({
        message: { functionResponse: { name: 'get_weather', response: { temperature: 21 } } },
      }),
    ).rejects.toSatisfy((error) => BadRequestError.isInstance(error));
  });

  it('keeps history through sendMessageStream, the signature-only last part included', async () => {
    const chat = client({ headers: { 'x-mock-signature-only-last-chunk': '1' } }).chats.create({
      model: 'gemini-3-flash-preview',
    });
    const stream = chat.sendMessageStream({ message: 'Hello there' });
    let text = '';
    for await (const chunk of stream) text += chunk.text;
    const history = chat.getHistory();
    expect(history).toHaveLength(2);
    const modelParts = history[1]?.parts ?? [];
    expect(modelParts.at(-1)?.text).toBe('');
    expect(modelParts.at(-1)?.thoughtSignature).toBeTruthy();
    expect(modelParts.map((part) => part.text ?? '').join('')).toBe(text);
    // The next turn waits for the stream and carries the whole history.
    await chat.sendMessage({ message: 'And again?' });
    const sent = gateway().requests[1]?.body as { contents: Content[] };
    expect(sent.contents[1]).toEqual(history[1]);
  });

  it('commits nothing when a turn fails, so the message can be sent again', async () => {
    const chat = client({ maxRetries: 0 }).chats.create({ model: 'gemini-2.0-flash' });
    await chat.sendMessage({ message: 'first' });
    gateway().scheduleFault({ fault: '500', times: 1 });
    await expect(chat.sendMessage({ message: 'second' })).rejects.toSatisfy((error) =>
      ServerError.isInstance(error),
    );
    expect(chat.getHistory()).toHaveLength(2);
    await chat.sendMessage({ message: 'second' });
    expect(chat.getHistory()).toHaveLength(4);
  });

  it('commits nothing for a blocked prompt', async () => {
    const chat = client({ headers: { 'x-mock-prompt-block': 'SAFETY' } }).chats.create({
      model: 'gemini-2.0-flash',
    });
    const response = await chat.sendMessage({ message: 'x' });
    expect(response.promptFeedback?.blockReason).toBe('SAFETY');
    expect(chat.getHistory()).toEqual([]);
  });

  it('reads a stream nobody read when the next message leaves, instead of waiting forever', async () => {
    const chat = client().chats.create({ model: 'gemini-2.0-flash' });
    const unread = chat.sendMessageStream({ message: 'one' });
    await chat.sendMessage({ message: 'two' });
    const first = await unread.response;
    expect(first.text.length).toBeGreaterThan(0);
    expect(chat.getHistory().map((content) => content.role)).toEqual(['user', 'model', 'user', 'model']);
    expect(chat.getHistory()[1]).toEqual(first.candidates?.[0]?.content);
    const second = gateway().requests[1]?.body as { contents: Content[] };
    expect(second.contents).toHaveLength(3);
    // Read in the background, so its owner cannot read it any more.
    expect(() => unread[Symbol.asyncIterator]()).toThrow(/already read/);
  });

  it('reads an unread stream when the next stream is read, and an awaited-only stream too', async () => {
    const chat = client().chats.create({ model: 'gemini-2.0-flash' });
    const awaitedOnly = await chat.sendMessageStream({ message: 'one' });
    const unread = chat.sendMessageStream({ message: 'two' });
    const next = chat.sendMessageStream({ message: 'three' });
    let text = '';
    for await (const chunk of next) text += chunk.text;
    expect(text.length).toBeGreaterThan(0);
    expect((await awaitedOnly.response).text.length).toBeGreaterThan(0);
    expect((await unread.response).text.length).toBeGreaterThan(0);
    expect(chat.getHistory()).toHaveLength(6);
    const last = gateway().requests[2]?.body as { contents: Content[] };
    expect(last.contents.map((content) => content.role)).toEqual(['user', 'model', 'user', 'model', 'user']);
  });

  it('leaves a stream to its owner who reads it right after queueing the next message', async () => {
    const chat = client().chats.create({ model: 'gemini-2.0-flash' });
    const stream = chat.sendMessageStream({ message: 'one' });
    const next = chat.sendMessage({ message: 'two' });
    let text = '';
    for await (const chunk of stream) text += chunk.text;
    await next;
    expect(text.length).toBeGreaterThan(0);
    expect(
      chat
        .getHistory()[1]
        ?.parts?.map((part) => part.text)
        .join(''),
    ).toBe(text);
    expect(chat.getHistory()).toHaveLength(4);
  });

  it('sends messages one after the other even when not awaited in between', async () => {
    const chat = client().chats.create({ model: 'gemini-2.0-flash' });
    await Promise.all([chat.sendMessage({ message: 'one' }), chat.sendMessage({ message: 'two' })]);
    const second = gateway().requests[1]?.body as { contents: Content[] };
    expect(second.contents.map((content) => content.role)).toEqual(['user', 'model', 'user']);
  });
});

describe('a teed chat stream', () => {
  it('gives two native readers (each with its response) and commits the turn to history once', async () => {
    const chat = client().chats.create({ model: 'gemini-2.0-flash' });
    const [forCaller, forCache] = chat.sendMessageStream({ message: 'Tell me a story' }).tee();
    const cached = forCache.response;
    let streamed = '';
    for await (const chunk of forCaller) streamed += chunk.text;
    const [callerAnswer, cacheAnswer] = await Promise.all([forCaller.response, cached]);
    expect(streamed.length).toBeGreaterThan(0);
    expect(callerAnswer.text).toBe(streamed);
    expect(cacheAnswer.text).toBe(streamed);
    expect(chat.getHistory().map((content) => content.role)).toEqual(['user', 'model']);
    // The next turn still follows the teed one, with the history sent once.
    await chat.sendMessage({ message: 'Again' });
    expect(chat.getHistory().map((content) => content.role)).toEqual(['user', 'model', 'user', 'model']);
  });
});
