/**
 * Replays wire fixtures written from the documented formats through a tiny local server, byte
 * for byte and in small slices (so every decoder sees events split anywhere), and asserts what
 * the client makes of them.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InsufficientQuotaError, NotFoundError, RateLimitError, ServerError } from '@gemgate/core-transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGemini, type GeminiOptions, type GenerateContentResponse } from '../src/index.js';

const fixtures = new URL('../src/__fixtures__/', import.meta.url);

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

let server: Server;
let baseURL: string;
let nextReply: Reply | undefined;
const seen: Array<{ url: string; headers: Record<string, unknown> }> = [];

async function replayChunks(name: string, contentType: string): Promise<void> {
  nextReply = {
    status: 200,
    headers: { 'content-type': contentType },
    body: await readFile(new URL(name, fixtures)),
  };
}

async function replayJson(name: string): Promise<void> {
  const fixture = JSON.parse(await readFile(new URL(name, fixtures), 'utf8'));
  const body = typeof fixture.body === 'string' ? fixture.body : JSON.stringify(fixture.body);
  nextReply = { status: fixture.status, headers: fixture.headers, body: Buffer.from(body) };
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    for await (const _chunk of request) {
      // the request body is not needed
    }
    const reply = nextReply!;
    response.writeHead(reply.status, reply.headers);
    // Seven-byte slices: events, CRLF pairs and UTF-8 sequences get split across reads.
    for (let offset = 0; offset < reply.body.length; offset += 7) {
      response.write(reply.body.subarray(offset, offset + 7));
      await new Promise((resolve) => setImmediate(resolve));
    }
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gemini`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function gemini(options: GeminiOptions = {}) {
  return createGemini({ apiKey: 'sk-replay-key-000000000000', baseURL, maxRetries: 0, env: {}, ...options });
}

async function collect(stream: AsyncIterable<GenerateContentResponse>) {
  const chunks: GenerateContentResponse[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

function expectCodeExecutionAnswer(final: GenerateContentResponse): void {
  expect(final.thoughts).toBe('Planning the computation.');
  expect(final.text).toBe('I will compute the mean.The mean is 2.');
  expect(final.codeExecutions).toEqual([
    {
      code: 'import statistics\nprint(statistics.mean([1, 2, 3]))',
      language: 'PYTHON',
      results: [{ outcome: 'OUTCOME_OK', output: '2\n' }],
    },
  ]);
  expect(final.parts.at(-1)).toEqual({ text: '', thoughtSignature: 'Q2lRQmpyeW1WdU5h' });
  expect(final.finishReason).toBe('STOP');
  expect(final.usage).toEqual({
    inputTokens: 12,
    outputTokens: 54,
    reasoningTokens: 18,
    cachedInputTokens: 0,
    toolUseInputTokens: 5,
    totalTokens: 71,
  });
}

describe('replayed wire fixtures', () => {
  it('SSE framed with \\r\\n\\r\\n: early STOP, code execution, signature-only last chunk, last usage', async () => {
    await replayChunks('native-code-execution-crlf.chunks.txt', 'text/event-stream');
    const stream = gemini().models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'mean of 1,2,3',
    });
    const chunks = await collect(stream);
    expect(chunks).toHaveLength(7);
    expect(chunks[2]?.finishReason).toBe('STOP');
    expectCodeExecutionAnswer(await stream.response);
    expect(seen.at(-1)?.url).toBe('/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
  });

  it('the same answer as a streamed JSON array', async () => {
    await replayChunks('native-json-array.chunks.txt', 'application/json');
    const stream = gemini({ streamFormat: 'json-array' }).models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'mean of 1,2,3',
    });
    expect(await collect(stream)).toHaveLength(7);
    expectCodeExecutionAnswer(await stream.response);
    expect(seen.at(-1)?.url).toBe('/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent');
  });

  it('a prompt block: one chunk with promptFeedback.blockReason and no candidates', async () => {
    await replayChunks('native-prompt-block.chunks.txt', 'text/event-stream');
    const stream = gemini().models.generateContentStream({ model: 'gemini-2.0-flash', contents: 'x' });
    const chunks = await collect(stream);
    expect(chunks).toHaveLength(1);
    const final = await stream.response;
    expect(final.promptFeedback?.blockReason).toBe('SAFETY');
    expect(final.candidates).toBeUndefined();
    expect(final.text).toBe('');
    expect(final.usage.inputTokens).toBe(9);
  });

  it('an error object inside the stream raises the typed error after the chunks before it', async () => {
    await replayChunks('native-error-in-stream.chunks.txt', 'text/event-stream');
    const texts: string[] = [];
    const stream = gemini().models.generateContentStream({ model: 'gemini-2.0-flash', contents: 'x' });
    const failure = (async () => {
      for await (const chunk of stream) texts.push(chunk.text);
    })();
    await expect(failure).rejects.toSatisfy((error) => ServerError.isInstance(error));
    expect(texts).toEqual(['I will compute ']);
  });

  it('a 404 with an event-stream content type raises NotFoundError', async () => {
    await replayJson('not-found-event-stream.json');
    const stream = gemini().models.generateContentStream({ model: 'gemini-2.0-flash', contents: 'x' });
    await expect(collect(stream)).rejects.toSatisfy((error) => NotFoundError.isInstance(error));
  });

  it('a 429 with RetryInfo gives RateLimitError with the delay and request id', async () => {
    await replayJson('rate-limit-retry-info.json');
    const error = await gemini()
      .models.generateContent({ model: 'gemini-2.0-flash', contents: 'x' })
      .catch((caught: unknown) => caught);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).retryAfterMs).toBe(34_400);
    expect((error as RateLimitError).requestId).toBe('req-429');
    expect((error as RateLimitError).upstreamStatus).toBe('RESOURCE_EXHAUSTED');
  });

  it("the gateway's 403 insufficient_user_quota gives InsufficientQuotaError", async () => {
    await replayJson('insufficient-quota.json');
    const error = await gemini()
      .models.generateContent({ model: 'gemini-2.0-flash', contents: 'x' })
      .catch((caught: unknown) => caught);
    expect(InsufficientQuotaError.isInstance(error)).toBe(true);
  });

  it('lenient parsing: unknown fields kept, an unknown finish reason accepted, int64 strings read', async () => {
    await replayJson('lenient-response.json');
    const response = await gemini().models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' });
    expect(response.finishReason).toBe('SOME_FUTURE_REASON');
    expect(response.raw.brandNewTopLevel).toBe(true);
    expect(response.parts[0]?.futurePartField).toEqual({ x: 1 });
    expect(response.usageMetadata?.newCounter).toBe(3);
    expect(response.usage).toEqual({
      inputTokens: 4,
      outputTokens: 3,
      reasoningTokens: 2,
      cachedInputTokens: 0,
      toolUseInputTokens: 0,
      totalTokens: 7,
    });
  });

  it('an implicit cache hit: cached tokens inside input, thoughts inside output', async () => {
    await replayJson('implicit-cache-hit.json');
    const response = await gemini().models.generateContent({
      model: 'gemini-2.5-flash-preview-05-20',
      contents: 'x',
    });
    expect(response.usage).toEqual({
      inputTokens: 2007,
      outputTokens: 51,
      reasoningTokens: 40,
      cachedInputTokens: 1904,
      toolUseInputTokens: 0,
      totalTokens: 2058,
    });
  });
});
