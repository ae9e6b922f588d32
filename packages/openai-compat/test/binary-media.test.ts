import { createHash, randomBytes } from 'node:crypto';
import { type BinarySlot, binarySource, InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A replayable source over a buffer, yielding 64 KiB slices. */
function sourceOf(bytes: Uint8Array, prefix = '') {
  return binarySource({
    byteLength: bytes.length,
    prefix,
    open: async function* () {
      for (let start = 0; start < bytes.length; start += 65_536) yield bytes.subarray(start, start + 65_536);
    },
  });
}

describe('media parts carrying a binary slot', () => {
  it('sends a 15 MB image as a streamed data URL with its content-length, and gets an answer', async () => {
    const bytes = randomBytes(15_000_000);
    const completion = await mock.client().chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe this image.' },
            { type: 'image_url', image_url: { url: sourceOf(bytes, 'data:image/png;base64,') } },
          ],
        },
      ],
    });
    expect(completion.choices[0]?.message.content?.length).toBeGreaterThan(0);
    const recorded = mock.gateway.requests.at(-1)!;
    expect(Number(recorded.headers['content-length'])).toBeGreaterThan(20_000_000);
    const url: string = mock.lastBody().messages[0].content[1].image_url.url;
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const received = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
    expect(received.length).toBe(15_000_000);
    expect(sha256(received)).toBe(sha256(bytes));
  });

  it('sends audio and a file from slots as the same bytes as base64 strings would', async () => {
    const audio = randomBytes(4_001);
    const pdf = randomBytes(2_002);
    const messagesWith = (audioData: string | BinarySlot, fileData: string | BinarySlot) => [
      {
        role: 'user' as const,
        content: [
          { type: 'input_audio' as const, input_audio: { data: audioData, format: 'wav' } },
          { type: 'file' as const, file: { file_data: fileData, filename: 'a.pdf' } },
        ],
      },
    ];
    const client = mock.client();
    const stream = await client.chat.completions.create({
      model: 'gemini-2.5-flash',
      stream: true,
      messages: messagesWith(sourceOf(audio), sourceOf(pdf, 'data:application/pdf;base64,')),
    });
    for await (const _chunk of stream) {
      // Read to the end.
    }
    const streamed = mock.lastBody();
    await client.chat.completions.create({
      model: 'gemini-2.5-flash',
      stream: true,
      messages: messagesWith(
        audio.toString('base64'),
        `data:application/pdf;base64,${pdf.toString('base64')}`,
      ),
    });
    expect(streamed).toEqual(mock.lastBody());
  });

  it('refuses a slot whose prefix does not fit the field, naming the field, before sending', async () => {
    const client = mock.client();
    const noDataUrl = client.chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [
        { role: 'user', content: [{ type: 'image_url', image_url: { url: sourceOf(randomBytes(3)) } }] },
      ],
    });
    await expect(noDataUrl).rejects.toSatisfy((error) => InvalidArgumentError.isInstance(error));
    await expect(noDataUrl).rejects.toThrow(
      /messages\.0\.content\.0\.image_url\.url: give the binary source a data URL prefix/,
    );
    const prefixedAudio = client.chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'input_audio',
              input_audio: { data: sourceOf(randomBytes(3), 'data:audio/wav;base64,'), format: 'wav' },
            },
          ],
        },
      ],
    });
    await expect(prefixedAudio).rejects.toThrow(/input_audio\.data: this field takes bare base64/);
    expect(mock.gateway.requests).toHaveLength(0);
  });
});
