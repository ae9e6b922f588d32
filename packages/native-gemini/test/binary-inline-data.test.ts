import { createHash, randomBytes } from 'node:crypto';
import { binarySource } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import type { Content } from '../src/index.js';
import { useGateway } from './gateway.js';

const { gateway, client } = useGateway();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A replayable source over a buffer, yielding 64 KiB slices and counting its reads. */
function sourceOf(bytes: Uint8Array) {
  let opens = 0;
  const data = binarySource({
    byteLength: bytes.length,
    open: async function* () {
      opens++;
      for (let start = 0; start < bytes.length; start += 65_536) yield bytes.subarray(start, start + 65_536);
    },
  });
  return { data, opens: () => opens };
}

function sentInlineData(index: number): string {
  const body = gateway().requests[index]?.body as { contents: Content[] };
  const part = body.contents.flatMap((content) => content.parts ?? []).find((each) => each.inlineData);
  return part!.inlineData!.data;
}

describe('inline data from a binary slot', () => {
  it('sends a 15 MB file streamed as base64 with its content-length, and gets an answer', async () => {
    const bytes = randomBytes(15_000_000);
    const { data, opens } = sourceOf(bytes);
    const response = await client().models.generateContent({
      model: 'gemini-2.5-flash',
      contents: [
        {
          role: 'user',
          parts: [{ text: 'Describe this file.' }, { inlineData: { mimeType: 'image/png', data } }],
        },
      ],
    });
    expect(response.text.length).toBeGreaterThan(0);
    const recorded = gateway().requests[0]!;
    expect(Number(recorded.headers['content-length'])).toBeGreaterThan(20_000_000);
    expect(recorded.headers['content-type']).toBe('application/json');
    const received = Buffer.from(sentInlineData(0), 'base64');
    expect(received.length).toBe(15_000_000);
    expect(sha256(received)).toBe(sha256(bytes));
    expect(opens()).toBe(1);
  });

  it('streams an answer to a request with a slot, and sends the same bytes as a base64 string would', async () => {
    const bytes = randomBytes(10_001);
    const { data } = sourceOf(bytes);
    const stream = client().models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: { inlineData: { mimeType: 'audio/wav', data } },
    });
    for await (const _chunk of stream) {
      // Read to the end.
    }
    expect((await stream.response).text.length).toBeGreaterThan(0);
    await client().models.generateContent({
      model: 'gemini-2.5-flash',
      contents: { inlineData: { mimeType: 'audio/wav', data: bytes.toString('base64') } },
    });
    expect(gateway().requests[0]!.body).toEqual(gateway().requests[1]!.body);
  });

  it('re-reads the source when a chat sends its history on the next turn', async () => {
    const bytes = randomBytes(3_000);
    const { data, opens } = sourceOf(bytes);
    const chat = client().chats.create({ model: 'gemini-2.5-flash' });
    await chat.sendMessage({ message: [{ inlineData: { mimeType: 'image/png', data } }, 'What is this?'] });
    await chat.sendMessage({ message: 'And its colour?' });
    expect(opens()).toBe(2);
    expect(Buffer.from(sentInlineData(1), 'base64').equals(bytes)).toBe(true);
  });

  it('counts the tokens of a request with a slot', async () => {
    const { data } = sourceOf(randomBytes(999));
    const { totalTokens } = await client().models.countTokens({
      model: 'gemini-2.5-flash',
      contents: { inlineData: { mimeType: 'image/png', data } },
    });
    expect(totalTokens).toBeGreaterThan(0);
    expect(Buffer.from(sentInlineData(0), 'base64').length).toBe(999);
  });

  it('creates a cache whose contents carry a slot', async () => {
    const bytes = randomBytes(5_000);
    const { data } = sourceOf(bytes);
    const cache = await client().caches.create({
      model: 'gemini-2.5-flash',
      config: { contents: { inlineData: { mimeType: 'application/pdf', data } }, ttl: '60s' },
    });
    expect(cache.name).toMatch(/^cachedContents\//);
    expect(Buffer.from(sentInlineData(0), 'base64').equals(bytes)).toBe(true);
  });
});
