import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineMedia, type MediaPart } from '../src/index.js';
import { mediaBytes, useTemporaryDirectory } from './fixtures.js';
import { sentInlineBytes, useGateway } from './use-gateway.js';

const { gateway, gemini } = useGateway();
const files = useTemporaryDirectory();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const png = mediaBytes({ kind: 'png', byteLength: 300_001 });
const pngPath = files.write('photo.png', png);

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/photo.png') {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length });
      response.end(png);
    } else if (request.url === '/moved') {
      response.writeHead(302, { location: '/photo.png' });
      response.end();
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends the part through the native client and returns the bytes the gateway decoded. */
async function roundTrip(media: MediaPart): Promise<Buffer> {
  const response = await gemini().models.generateContent({
    model: 'gemini-2.5-flash',
    contents: [media, 'Describe the image.'],
  });
  expect(response.text.length).toBeGreaterThan(0);
  return sentInlineBytes({ body: gateway().requests.at(-1)!.body });
}

async function* chunked(bytes: Uint8Array, size = 10_000) {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

describe('each source kind becomes an inline part whose bytes arrive whole', () => {
  const sources: Array<[string, () => Parameters<typeof inlineMedia>[0]]> = [
    ['a file path', () => ({ source: pngPath })],
    ['a file: URL', () => ({ source: pathToFileURL(pngPath) })],
    ['a Buffer', () => ({ source: png })],
    ['a Uint8Array', () => ({ source: new Uint8Array(png) })],
    ['an ArrayBuffer', () => ({ source: new Uint8Array(png).buffer })],
    ['a Blob', () => ({ source: new Blob([png]) })],
    ['a File', () => ({ source: new File([png], 'photo.png') })],
    ['a Node stream with its length', () => ({ source: createReadStream(pngPath), byteLength: png.length })],
    ['a Node stream, length measured', () => ({ source: Readable.from(chunked(png)) })],
    ['an async iterable with its length', () => ({ source: chunked(png, 777), byteLength: png.length })],
    [
      'a web ReadableStream',
      () => ({ source: Readable.toWeb(createReadStream(pngPath)) as ReadableStream<Uint8Array> }),
    ],
    ['an http URL', () => ({ source: `${origin}/photo.png`, allowPrivateNetwork: true })],
    [
      'a URL object that redirects',
      () => ({ source: new URL(`${origin}/moved`), allowPrivateNetwork: ['127.0.0.1'] }),
    ],
  ];

  it.each(sources)('%s', async (_label, options) => {
    const media = await inlineMedia(options());
    expect(media.mimeType).toBe('image/png');
    expect(media.byteLength).toBe(png.length);
    expect(media.inlineData.mimeType).toBe('image/png');
    expect(sha256(await roundTrip(media))).toBe(sha256(png));
  });

  it('names the media from a path, a File and a URL', async () => {
    expect((await inlineMedia({ source: pngPath })).fileName).toBe('photo.png');
    expect((await inlineMedia({ source: new File([png], 'x.png') })).fileName).toBe('x.png');
    expect((await inlineMedia({ source: `${origin}/photo.png`, allowPrivateNetwork: true })).fileName).toBe(
      'photo.png',
    );
    expect((await inlineMedia({ source: png, fileName: 'given.png' })).fileName).toBe('given.png');
  });

  it('reads a replayable source again for each request, and a one-shot stream only once', async () => {
    const replayable = await inlineMedia({ source: pngPath });
    expect(replayable.replayable).toBe(true);
    expect(sha256(await roundTrip(replayable))).toBe(sha256(png));
    expect(sha256(await roundTrip(replayable))).toBe(sha256(png));

    const once = await inlineMedia({ source: createReadStream(pngPath), byteLength: png.length });
    expect(once.replayable).toBe(false);
    await roundTrip(once);
    await expect(roundTrip(once)).rejects.toThrow(/can be read only once/);
  });
});
