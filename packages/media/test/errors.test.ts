import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AbortedError, InvalidArgumentError, TimeoutError } from '@gemgate/core-transport';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultMaxRequestBytes, inlineMedia, MediaTooLargeError, mediaRequestLimits } from '../src/index.js';
import { mediaBytes } from './fixtures.js';
import { useGateway } from './use-gateway.js';

const { gateway, gemini, openai } = useGateway();

describe('too large: counted on the encoded request, refused before the upload', () => {
  it('refuses one file whose base64 is over 20 MiB though its bytes are under it', async () => {
    // 15.8 MB of bytes is 21.07 MB of base64: under the limit raw, over it encoded.
    const bytes = mediaBytes({ kind: 'png', byteLength: 15_800_000 });
    expect(bytes.length).toBeLessThan(defaultMaxRequestBytes);
    const error = await inlineMedia({ source: bytes, fileName: 'big.png' }).catch(
      (caught: unknown) => caught,
    );
    expect(MediaTooLargeError.isInstance(error)).toBe(true);
    const tooLarge = error as MediaTooLargeError;
    expect(tooLarge.size).toBe(4 * Math.ceil(15_800_000 / 3));
    expect(tooLarge.limit).toBe(20 * 1024 * 1024);
    expect(tooLarge.message).toMatch(/big\.png is 21\.1 MB .* over the gateway's inline limit of 21\.0 MB/);
    expect(tooLarge.message).toMatch(/smaller file.*lower its resolution.*split.*File API/);
  });

  it('accepts a file just under the limit once encoded', async () => {
    const media = await inlineMedia({ source: mediaBytes({ kind: 'png', byteLength: 15_000_000 }) });
    expect(media.encodedLength).toBe(20_000_000);
  });

  it.each(['native', 'openai'] as const)(
    '%s route: several parts that fit alone are refused together, and nothing is sent',
    async (route) => {
      const first = await inlineMedia({ source: mediaBytes({ kind: 'png', byteLength: 8_000_000 }) });
      const second = await inlineMedia({ source: mediaBytes({ kind: 'jpeg', byteLength: 8_000_000 }) });
      const middleware = [mediaRequestLimits()];
      const call =
        route === 'native'
          ? gemini({ middleware }).models.generateContent({
              model: 'gemini-2.5-flash',
              contents: [first, second, 'Compare them.'],
            })
          : openai({ middleware }).chat.completions.create({
              model: 'gemini-2.5-flash',
              messages: [{ role: 'user', content: [first.toOpenAIPart(), second.toOpenAIPart()] }],
            });
      const error = await call.catch((caught: unknown) => caught);
      expect(MediaTooLargeError.isInstance(error)).toBe(true);
      expect((error as MediaTooLargeError).size).toBeGreaterThan(2 * 4 * Math.ceil(8_000_000 / 3));
      expect((error as MediaTooLargeError).message).toMatch(/^This request is 21\.3 MB/);
      expect(gateway().requests).toHaveLength(0);
    },
  );

  it('counts a base64 string part too, and takes a limit per client', async () => {
    const client = gemini({ middleware: [mediaRequestLimits({ maxRequestBytes: 1_000 })] });
    const call = client.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: [{ inlineData: { mimeType: 'image/png', data: randomBytes(900).toString('base64') } }],
    });
    await expect(call).rejects.toSatisfy((error) => MediaTooLargeError.isInstance(error));
    expect(gateway().requests).toHaveLength(0);
    const roomier = gemini({ middleware: [mediaRequestLimits({ maxRequestBytes: 2_000 })] });
    await roomier.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: [{ inlineData: { mimeType: 'image/png', data: randomBytes(900).toString('base64') } }],
    });
    expect(gateway().requests).toHaveLength(1);
  });

  it('refuses a bad limit, saying what to give', () => {
    expect(() => mediaRequestLimits({ maxRequestBytes: -1 })).toThrow(
      /maxRequestBytes must be a whole number/,
    );
  });
});

describe('media types', () => {
  it('refuses a type Gemini does not read, listing the accepted ones', async () => {
    const error = await inlineMedia({ source: mediaBytes({ kind: 'gif', byteLength: 2_000 }) }).catch(
      (caught: unknown) => caught,
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/image\/gif, which Gemini does not read/);
    expect((error as Error).message).toMatch(/image: image\/png, image\/jpeg.*application\/pdf.*text\/csv/);
  });

  it('refuses a mimeType the bytes contradict, naming both', async () => {
    const error = await inlineMedia({
      source: mediaBytes({ kind: 'png', byteLength: 2_000 }),
      mimeType: 'application/pdf',
      fileName: 'report.pdf',
    }).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('mimeType');
    expect((error as Error).message).toMatch(
      /mimeType says application\/pdf but the bytes of report\.pdf are image\/png/,
    );
  });
});

describe('streams', () => {
  it('fails a stream shorter than its declared length, and the request is not sent whole', async () => {
    const bytes = mediaBytes({ kind: 'png', byteLength: 10_000 });
    async function* short() {
      yield bytes.subarray(0, 6_000);
    }
    const media = await inlineMedia({ source: short(), byteLength: bytes.length });
    const call = gemini().models.generateContent({
      model: 'gemini-2.5-flash',
      contents: [media, 'What is it?'],
    });
    await expect(call).rejects.toThrow(/yielded 6000 bytes but declared byteLength 10000/);
    expect(gateway().requests).toHaveLength(0);
  });

  it('refuses a stream of unknown length as soon as it outgrows what fits inline', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield mediaBytes({ kind: 'png', byteLength: 1_000 });
      }
    }
    const call = inlineMedia({ source: endless(), maxRequestBytes: 4_000 });
    await expect(call).rejects.toSatisfy((error) => MediaTooLargeError.isInstance(error));
    expect(pulled).toBe(4);
  });
});

describe('URLs', () => {
  let server: Server;
  let origin: string;
  let port: number;
  const seen: string[] = [];
  let handler: (request: IncomingMessage, response: ServerResponse) => void = () => {};
  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.url ?? '');
      handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    origin = `http://127.0.0.1:${port}`;
  });
  afterEach(() => {
    seen.length = 0;
    vi.useRealTimers();
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('refuses a loopback address unless allowed, without connecting', async () => {
    handler = (_request, response) => response.end(mediaBytes({ kind: 'png', byteLength: 100 }));
    const error = await inlineMedia({ source: `${origin}/a.png` }).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /resolves to 127\.0\.0\.1, a private, loopback or link-local address/,
    );
    expect(seen).toEqual([]);
    await inlineMedia({ source: `${origin}/a.png`, allowPrivateNetwork: true });
    expect(seen).toEqual(['/a.png']);
  });

  it('checks the resolved address of a name', async () => {
    handler = (_request, response) => response.end(mediaBytes({ kind: 'png', byteLength: 100 }));
    await expect(inlineMedia({ source: `http://localhost:${port}/a.png` })).rejects.toThrow(
      /localhost:\d+ resolves to (127\.0\.0\.1|::1), a private/,
    );
    expect(seen).toEqual([]);
  });

  it('checks every redirect hop: a private address allowed for the first is refused for the next', async () => {
    handler = (_request, response) => {
      response.writeHead(302, { location: `http://127.0.0.2:${port}/internal` });
      response.end();
    };
    const error = await inlineMedia({ source: `${origin}/start`, allowPrivateNetwork: ['127.0.0.1'] }).catch(
      (caught: unknown) => caught,
    );
    expect((error as Error).message).toMatch(/127\.0\.0\.2:\d+ resolves to 127\.0\.0\.2/);
    expect(seen).toEqual(['/start']);
  });

  it('refuses a scheme other than http(s), on a redirect too', async () => {
    await expect(inlineMedia({ source: new URL('ftp://example.com/a.png') })).rejects.toThrow(
      /only http\(s\) and file URLs/,
    );
    handler = (_request, response) => {
      response.writeHead(301, { location: 'file:///etc/passwd' });
      response.end();
    };
    await expect(inlineMedia({ source: `${origin}/start`, allowPrivateNetwork: true })).rejects.toThrow(
      /must be http or https, got file:/,
    );
  });

  it('refuses a download whose declared length is too large, before reading it', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-length': 5_000 });
      response.end(mediaBytes({ kind: 'png', byteLength: 5_000 }));
    };
    const error = await inlineMedia({
      source: `${origin}/big.png`,
      allowPrivateNetwork: true,
      maxRequestBytes: 4_000,
    }).catch((caught: unknown) => caught);
    expect(MediaTooLargeError.isInstance(error)).toBe(true);
    expect((error as MediaTooLargeError).size).toBe(5_000);
    expect((error as MediaTooLargeError).limit).toBe(3_000);
  });

  it('stops a download without a length once it outgrows the cap', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'transfer-encoding': 'chunked' });
      response.write(mediaBytes({ kind: 'png', byteLength: 2_000 }));
      setImmediate(() => response.end(randomBytes(2_000)));
    };
    const error = await inlineMedia({
      source: `${origin}/big.png`,
      allowPrivateNetwork: true,
      maxRequestBytes: 4_000,
    }).catch((caught: unknown) => caught);
    expect(MediaTooLargeError.isInstance(error)).toBe(true);
    expect((error as MediaTooLargeError).size).toBeGreaterThan(3_000);
  });

  it('stops a download when its signal fires', async () => {
    handler = () => {
      // Never answers.
    };
    const controller = new AbortController();
    const call = inlineMedia({
      source: `${origin}/slow.png`,
      allowPrivateNetwork: true,
      signal: controller.signal,
    });
    while (seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(call).rejects.toSatisfy((error) => AbortedError.isInstance(error));
  });

  it('times out a download that is too slow', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    handler = () => {
      // Never answers.
    };
    const call = inlineMedia({
      source: `${origin}/slow.png`,
      allowPrivateNetwork: true,
      downloadTimeoutMs: 5_000,
    });
    let settled: unknown;
    call.then(
      () => (settled = 'resolved'),
      (error: unknown) => (settled = error),
    );
    while (seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    while (settled === undefined) await new Promise((resolve) => setImmediate(resolve));
    expect(TimeoutError.isInstance(settled)).toBe(true);
    expect((settled as TimeoutError).message).toMatch(/took longer than 5000 ms/);
  });
});
