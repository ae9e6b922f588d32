import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/server.js';
import { createTransport } from './create-transport.js';
import { ResponseValidationError, StreamInterruptedError } from './errors.js';
import type { StreamFormat, Transport } from './transport-types.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const transports: Transport[] = [];
const key = 'sk-content-type-test-key-000';

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await Promise.all(transports.splice(0).map((transport) => transport.close()));
});
afterAll(async () => {
  await server.close();
});

/** Answers every request 200 with `body` under `contentType` (none when undefined). */
function answer({ contentType, body }: { contentType: string | undefined; body: string }) {
  server.handle((_request, response) => {
    response.writeHead(200, contentType === undefined ? {} : { 'content-type': contentType });
    response.end(body);
  });
}

async function readEvents(format: StreamFormat) {
  const transport = createTransport({ baseURL: server.url, auth: 'bearer', apiKey: key, env: {} });
  transports.push(transport);
  const response = await transport.request({ method: 'POST', path: 'stream', body: {}, stream: format });
  if (response.kind !== 'stream') throw new Error('expected a stream');
  const seen: unknown[] = [];
  try {
    for await (const event of response.events) seen.push(event);
    return { seen, error: undefined };
  } catch (error) {
    return { seen, error };
  }
}

const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>upstream for ${key} failed ${'.'.repeat(300)}</body></html>`;

describe('a stream answered 200 with something that is not a stream', () => {
  it('an HTML page says it was not an event stream, with its content type and start', async () => {
    answer({ contentType: 'text/html; charset=utf-8', body: page });
    const { seen, error } = await readEvents('sse');
    expect(seen).toEqual([]);
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    // Not "stopped in the middle of an event after 0 events".
    expect(StreamInterruptedError.isInstance(error)).toBe(false);
    const message = (error as Error).message;
    expect(message).toContain('not an event stream');
    expect(message).toContain('text/html');
    expect(message).toContain('<!DOCTYPE html><html><head><title>502 Bad Gateway');
    expect(message).not.toContain(key);
    // About 200 characters of the body, not all of it.
    expect(message.length).toBeLessThan(450);
    expect((error as ResponseValidationError).status).toBe(200);
  });

  it('a JSON-array stream answered with plain text says it was not a JSON array', async () => {
    answer({ contentType: 'text/plain', body: 'Service temporarily unavailable' });
    const { error } = await readEvents('json-array');
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('not a streamed JSON array');
    expect((error as Error).message).toContain('text/plain');
    expect((error as Error).message).toContain('Service temporarily unavailable');
  });

  it('event-stream framing under a sloppy content type, or none, still decodes', async () => {
    for (const contentType of ['text/plain', 'application/octet-stream', 'text/html', undefined]) {
      answer({ contentType, body: ': ping\n\ndata: {"n":1}\n\ndata: {"n":2}\n\n' });
      expect(await readEvents('sse'), String(contentType)).toEqual({
        seen: [{ n: 1 }, { n: 2 }],
        error: undefined,
      });
    }
    answer({ contentType: 'text/plain', body: '[{"n":1},{"n":2}]' });
    expect(await readEvents('json-array')).toEqual({ seen: [{ n: 1 }, { n: 2 }], error: undefined });
  });
});
