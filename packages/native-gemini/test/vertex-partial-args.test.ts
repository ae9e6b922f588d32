/**
 * An answer routed by the gateway to Vertex AI, with function-call arguments streamed as
 * `partialArgs`, replayed byte for byte from a fixture through a local server: the client must
 * read every chunk and hand back the whole call in the final response.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGemini } from '../src/index.js';

let server: Server;
let baseURL: string;

beforeAll(async () => {
  const body = await readFile(new URL('../src/__fixtures__/vertex-partial-args.chunks.txt', import.meta.url));
  server = createServer(async (request, response) => {
    for await (const _chunk of request) {
      // the request body is not needed
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gemini`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

it('streams a Vertex partialArgs answer to the end and folds the call into the final response', async () => {
  const gemini = createGemini({ apiKey: 'sk-vertex-key-000000000000', baseURL, maxRetries: 0, env: {} });
  try {
    const stream = gemini.models.generateContentStream({
      model: 'gemini-3-pro-preview',
      contents: 'Write and save an article.',
    });
    let chunks = 0;
    for await (const _chunk of stream) chunks += 1;
    const final = await stream.response;
    expect(chunks).toBe(6);
    expect(final.functionCalls).toEqual([
      {
        id: undefined,
        name: 'save_article',
        args: {
          title: 'Streaming arguments',
          body: 'Long text.',
          tags: ['gemini', 'vertex'],
          draft: false,
          words: 2,
          meta: { 'reviewed by': null },
        },
        thoughtSignature: 'c2lnLXZ0eC0x',
      },
    ]);
  } finally {
    await gemini.close();
  }
});
