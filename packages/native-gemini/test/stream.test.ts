import { AbortedError, NotFoundError, ServerError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import type { GenerateContentResponse } from '../src/index.js';
import { useGateway } from './gateway.js';

const { gateway, client } = useGateway();

async function collect(stream: AsyncIterable<GenerateContentResponse>) {
  const chunks: GenerateContentResponse[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('models.generateContentStream against the mock gateway', () => {
  it('streams over ?alt=sse and aggregates the chunks into stream.response', async () => {
    const stream = client().models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'Tell me about the Rule of 72',
      config: { thinkingConfig: { includeThoughts: true } },
    });
    const chunks = await collect(stream);
    expect(chunks.length).toBeGreaterThan(1);
    const final = await stream.response;
    expect(final.text).toBe(chunks.map((chunk) => chunk.text).join(''));
    expect(final.thoughts).toBe(chunks.map((chunk) => chunk.thoughts).join(''));
    expect(final.finishReason).toBe('STOP');
    const request = gateway().requests[0];
    expect(request?.path).toBe('/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent');
    expect(request?.query).toEqual({ alt: 'sse' });
  });

  it('reads the streamed JSON array (no alt=sse) the same way', async () => {
    const stream = client({ streamFormat: 'json-array' }).models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'Tell me about the Rule of 72',
    });
    const chunks = await collect(stream);
    expect(chunks.length).toBeGreaterThan(1);
    expect((await stream.response).text).toBe(chunks.map((chunk) => chunk.text).join(''));
    expect(gateway().requests[0]?.query).toEqual({});
  });

  it('takes the last usage snapshot, not a sum of the chunks', async () => {
    const stream = client().models.generateContentStream({
      model: 'gemini-2.0-flash',
      contents: 'A long answer please',
    });
    const chunks = await collect(stream);
    const last = chunks.findLast((chunk) => chunk.usageMetadata)!;
    const final = await stream.response;
    expect(final.usage).toEqual(last.usage);
    const summed = chunks.reduce((total, chunk) => total + chunk.usage.totalTokens, 0);
    expect(final.usage.totalTokens).toBeLessThan(summed);
  });

  it('keeps reading after an early finishReason STOP (code execution)', async () => {
    const stream = client({ headers: { 'x-mock-finish-early': '1' } }).models.generateContentStream({
      model: 'gemini-2.0-flash',
      contents: 'Compute the sum of 1..10 with code',
      config: { tools: [{ codeExecution: {} }] },
    });
    const chunks = await collect(stream);
    const firstStop = chunks.findIndex((chunk) => chunk.finishReason === 'STOP');
    expect(firstStop).toBeGreaterThanOrEqual(0);
    expect(firstStop).toBeLessThan(chunks.length - 1);
    const final = await stream.response;
    expect(final.codeExecutions.length).toBeGreaterThan(0);
    const allParts = chunks.flatMap((chunk) => chunk.parts);
    expect(allParts.some((part) => part.codeExecutionResult)).toBe(true);
    expect(final.parts.filter((part) => part.codeExecutionResult).length).toBe(
      allParts.filter((part) => part.codeExecutionResult).length,
    );
  });

  it('keeps a last chunk holding only a thoughtSignature on an empty text part', async () => {
    const stream = client({
      headers: { 'x-mock-signature-only-last-chunk': '1' },
    }).models.generateContentStream({
      model: 'gemini-3-pro-preview',
      contents: 'hello',
    });
    const chunks = await collect(stream);
    const lastPart = chunks.at(-1)?.parts.at(-1);
    expect(lastPart?.text).toBe('');
    expect(typeof lastPart?.thoughtSignature).toBe('string');
    const final = await stream.response;
    expect(final.parts.at(-1)).toEqual(lastPart);
  });

  it('can be awaited like @google/genai, and the view iterates the same chunks', async () => {
    const view = await client().models.generateContentStream({ model: 'gemini-2.0-flash', contents: 'hi' });
    const chunks = await collect(view);
    expect(chunks.length).toBeGreaterThan(0);
    expect((await view.response).text).toBe(chunks.map((chunk) => chunk.text).join(''));
  });

  it('reads the stream itself when only stream.response is awaited', async () => {
    const stream = client().models.generateContentStream({ model: 'gemini-2.0-flash', contents: 'hi' });
    const final = await stream.response;
    expect(final.text.length).toBeGreaterThan(0);
  });

  it('sends nothing and rejects nothing when the stream is never used', async () => {
    client().models.generateContentStream({ model: 'gemini-2.0-flash', contents: 'hi' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gateway().requests).toHaveLength(0);
  });

  it('rejects stream.response with AbortedError when the loop breaks early, without an unhandled rejection', async () => {
    const stream = client().models.generateContentStream({
      model: 'gemini-2.0-flash',
      contents: 'A long answer',
    });
    for await (const _chunk of stream) break;
    await expect(stream.response).rejects.toSatisfy((error) => AbortedError.isInstance(error));
  });

  it('raises the typed error for an error object inside the stream', async () => {
    const stream = client({
      headers: { 'x-mock-fault': 'error-in-stream' },
      maxRetries: 0,
    }).models.generateContentStream({
      model: 'gemini-2.0-flash',
      contents: 'hi',
    });
    await expect(collect(stream)).rejects.toSatisfy((error) => ServerError.isInstance(error));
    await expect(stream.response).rejects.toSatisfy((error) => ServerError.isInstance(error));
  });

  it('never reports an unhandled rejection for a stream.response nobody awaits', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const stream = client({ headers: { 'x-mock-fault': 'error-in-stream' } }).models.generateContentStream({
        model: 'gemini-2.0-flash',
        contents: 'hi',
      });
      await expect(collect(stream)).rejects.toSatisfy((error) => ServerError.isInstance(error));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('raises NotFoundError for a 404 sent with an event-stream content type', async () => {
    const stream = client({ headers: { 'x-mock-fault': '404-event-stream' } }).models.generateContentStream({
      model: 'gemini-2.0-flash',
      contents: 'hi',
    });
    await expect(collect(stream)).rejects.toSatisfy((error) => NotFoundError.isInstance(error));
  });

  it('surfaces an HTTP error where the stream is awaited, as @google/genai does', async () => {
    const gemini = client({ headers: { 'x-mock-fault': '500' }, maxRetries: 0 });
    const stream = gemini.models.generateContentStream({ model: 'gemini-2.0-flash', contents: 'hi' });
    await expect(Promise.resolve(stream)).rejects.toSatisfy((error) => ServerError.isInstance(error));
  });
});

describe('sdkHttpResponse, as @google/genai gives it', () => {
  it('is on a generateContent answer, on every chunk of a stream and on its whole answer', async () => {
    const answer = await client().models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' });
    expect(answer.sdkHttpResponse?.headers['content-type']).toMatch(/application\/json/);
    const stream = client().models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Hi' });
    const types: Array<string | undefined> = [];
    for await (const chunk of stream) types.push(chunk.sdkHttpResponse?.headers['content-type']);
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(type).toMatch(/text\/event-stream/);
    expect((await stream.response).sdkHttpResponse?.headers['content-type']).toMatch(/text\/event-stream/);
  });
});
