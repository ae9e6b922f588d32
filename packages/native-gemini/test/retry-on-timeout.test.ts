import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TimeoutError } from '@gemgate/core-transport';
import { afterEach, describe, expect, it } from 'vitest';
import { createGemini } from '../src/index.js';

const answer = JSON.stringify({
  candidates: [
    { content: { role: 'model', parts: [{ text: 'late but fine' }] }, finishReason: 'STOP', index: 0 },
  ],
});

/** A server whose first answer starts too late for the first-byte timeout; later ones at once. */
async function slowFirstAnswer(): Promise<{ server: Server; url: string; sent: () => number }> {
  let count = 0;
  const server = createServer((request, response) => {
    request.resume();
    count++;
    const reply = () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(answer);
    };
    // Late by far more than the first-byte limit, which is itself long enough for the request to
    // reach this server even on a loaded machine.
    if (count === 1) setTimeout(reply, 6000);
    else reply();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, sent: () => count };
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('retryOnTimeout', () => {
  it('is off by default: a generation whose first byte is late is not sent again', async () => {
    const upstream = await slowFirstAnswer();
    server = upstream.server;
    const gemini = createGemini({
      apiKey: 'sk-test',
      baseURL: upstream.url,
      timeout: { firstByte: 1500 },
      env: {},
    });
    const error = await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(upstream.sent()).toBe(1);
    await gemini.close();
  });

  it('createGemini passes it on: the generation is sent again and answered', async () => {
    const upstream = await slowFirstAnswer();
    server = upstream.server;
    const gemini = createGemini({
      apiKey: 'sk-test',
      baseURL: upstream.url,
      timeout: { firstByte: 1500 },
      retryOnTimeout: true,
      env: {},
    });
    const response = await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' });
    expect(response.text).toBe('late but fine');
    expect(upstream.sent()).toBe(2);
    await gemini.close();
  });
});
