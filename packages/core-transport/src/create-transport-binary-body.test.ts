import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { binarySource } from './binary-slot.js';
import { createTransport } from './create-transport.js';
import { InvalidArgumentError } from './errors.js';

/** What the local server received, one entry per request (aborted ones included). */
interface Received {
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  complete: boolean;
}

let server: http.Server;
let baseURL: string;
let received: Received[] = [];
/** Statuses to answer with, in order; 200 once they run out. */
let statuses: number[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const parts: Buffer[] = [];
    const entry: Received = { headers: request.headers, body: Buffer.alloc(0), complete: false };
    received.push(entry);
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      entry.body = Buffer.concat(parts);
      entry.complete = true;
      const status = statuses.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(status === 200 ? { ok: true } : { error: { code: status, message: 'busy' } }),
      );
    });
    request.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
  statuses = [];
});

function transport() {
  return createTransport({ baseURL, auth: 'none', env: {}, backoff: { initialDelay: 1, maxDelay: 5 } });
}

/** Deterministic pseudo-random bytes, yielded in chunks of an odd size. */
function bytesOf(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = 7;
  for (let index = 0; index < size; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

function sourceOf(bytes: Uint8Array, { replayable = true }: { replayable?: boolean } = {}) {
  let opens = 0;
  const slot = binarySource({
    byteLength: bytes.length,
    prefix: 'data:image/png;base64,',
    replayable,
    open: async function* () {
      opens++;
      for (let start = 0; start < bytes.length; start += 10_007) yield bytes.slice(start, start + 10_007);
    },
  });
  return { slot, opens: () => opens };
}

describe('a json-with-binary body', () => {
  it('is streamed as JSON with its exact content-length, the slot as prefix + base64', async () => {
    const bytes = bytesOf(300_001);
    const { slot } = sourceOf(bytes);
    const response = await transport().request({
      method: 'POST',
      path: 'upload',
      body: { kind: 'json-with-binary', value: { messages: [{ url: slot, note: 'é' }] } },
    });
    expect(response.kind === 'json' && response.body).toEqual({ ok: true });
    const [request] = received;
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['content-length']).toBe(String(request!.body.length));
    const sent = JSON.parse(request!.body.toString('utf8'));
    expect(sent.messages[0].note).toBe('é');
    const url: string = sent.messages[0].url;
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const decoded = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
    expect(createHash('sha256').update(decoded).digest('hex')).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );
  });

  it('is retried with the source opened again when the source is replayable', async () => {
    statuses = [503];
    const { slot, opens } = sourceOf(bytesOf(1000));
    await transport().request({
      method: 'POST',
      path: 'upload',
      body: { kind: 'json-with-binary', value: { slot } },
    });
    expect(received).toHaveLength(2);
    expect(received[1]!.body.equals(received[0]!.body)).toBe(true);
    expect(opens()).toBe(2);
  });

  it('is not retried when a source can be read only once', async () => {
    statuses = [503];
    const { slot, opens } = sourceOf(bytesOf(1000), { replayable: false });
    await expect(
      transport().request({
        method: 'POST',
        path: 'upload',
        body: { kind: 'json-with-binary', value: { slot } },
      }),
    ).rejects.toMatchObject({ statusCode: 503 });
    expect(received).toHaveLength(1);
    expect(opens()).toBe(1);
  });

  it('aborts the request with an error saying so when the source is shorter than its byteLength', async () => {
    const bytes = bytesOf(50_000);
    const slot = binarySource({
      byteLength: 60_000,
      open: async function* () {
        yield bytes;
      },
    });
    const error = await transport()
      .request({ method: 'POST', path: 'upload', body: { kind: 'json-with-binary', value: { slot } } })
      .catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/yielded 50000 bytes but declared byteLength 60000/);
    // The server never got a complete body it could mistake for the upload.
    expect(received.every((request) => !request.complete)).toBe(true);
  });

  it('is refused with a clear error when a slot is sent as a plain JSON body', async () => {
    const { slot } = sourceOf(bytesOf(3));
    await expect(transport().request({ method: 'POST', path: 'upload', body: { slot } })).rejects.toThrow(
      /json-with-binary/,
    );
    expect(received).toHaveLength(0);
  });
});
