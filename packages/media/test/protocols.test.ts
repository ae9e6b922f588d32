import { InvalidArgumentError } from '@gemgate/core-transport';
import { chatUserContentPartShape, requestPartShape } from '@gemgate/core-transport/wire';
import type { PartInput } from '@gemgate/native-gemini';
import type { UserContentPart } from '@gemgate/openai-compat';
import { describe, expect, it } from 'vitest';
import { inlineMedia, MediaResolution, mediaRequestLimits } from '../src/index.js';
import { mediaBytes } from './fixtures.js';
import { sentInlineBytes, useGateway } from './use-gateway.js';

const { gateway, gemini, openai } = useGateway();

const csv = 'city,temperature\nParis,21\nOslo,12\nRome,27\n';

const kinds = [
  {
    label: 'an image',
    make: () => inlineMedia({ source: mediaBytes({ kind: 'png', byteLength: 5_000 }) }),
    openAIType: 'image_url',
  },
  {
    label: 'audio',
    make: () => inlineMedia({ source: mediaBytes({ kind: 'wav', byteLength: 5_000 }) }),
    openAIType: 'input_audio',
  },
  {
    label: 'a video',
    make: () => inlineMedia({ source: mediaBytes({ kind: 'mp4', byteLength: 5_000 }) }),
    openAIType: 'file',
  },
  {
    label: 'a PDF',
    make: () => inlineMedia({ source: mediaBytes({ kind: 'pdf', byteLength: 5_000 }), fileName: 'a.pdf' }),
    openAIType: 'file',
  },
  {
    label: 'a CSV',
    make: () => inlineMedia({ source: Buffer.from(csv), mimeType: 'text/csv' }),
    openAIType: 'file',
  },
] as const;

describe('both protocols', () => {
  it.each(kinds)('native: $label is accepted as a part, as is and as toGeminiPart()', async ({ make }) => {
    const media = await make();
    // Typed as the native client's part input, so the shape is checked at compile time too.
    const asIs: PartInput = media;
    const plain: PartInput = media.toGeminiPart();
    expect(requestPartShape.schema.safeParse(plain).success).toBe(true);
    expect(Object.keys(media)).toEqual(['inlineData']);
    for (const part of [asIs, plain]) {
      const response = await gemini().models.generateContent({
        model: 'gemini-2.5-flash',
        contents: [{ role: 'user', parts: [part, { text: 'What is this?' }] }],
      });
      expect(response.text.length).toBeGreaterThan(0);
    }
    const [first, second] = gateway().requests;
    expect(first!.body).toEqual(second!.body);
    expect(sentInlineBytes({ body: first!.body }).length).toBe(media.byteLength);
  });

  it.each(kinds)(
    'openai: $label becomes a $openAIType part the route accepts',
    async ({ make, openAIType }) => {
      const media = await make();
      const part: UserContentPart = media.toOpenAIPart();
      expect(part.type).toBe(openAIType);
      expect(chatUserContentPartShape.schema.safeParse(part).success).toBe(true);
      const completion = await openai().chat.completions.create({
        model: 'gemini-2.5-flash',
        messages: [{ role: 'user', content: [part, { type: 'text', text: 'What is this?' }] }],
      });
      expect(completion.choices[0]?.message.content?.length).toBeGreaterThan(0);
      const sent = (
        gateway().requests.at(-1)!.body as { messages: Array<{ content: Array<Record<string, any>> }> }
      ).messages[0]!.content[0]!;
      const base64 =
        openAIType === 'image_url'
          ? sent.image_url.url
          : openAIType === 'input_audio'
            ? sent.input_audio.data
            : sent.file.file_data;
      const prefix = openAIType === 'input_audio' ? '' : `data:${media.mimeType};base64,`;
      expect(base64.startsWith(prefix)).toBe(true);
      expect(Buffer.from(base64.slice(prefix.length), 'base64').length).toBe(media.byteLength);
      if (openAIType === 'input_audio') expect(sent.input_audio.format).toBe('wav');
    },
  );

  it('openai: a media part goes into messages as it is, as into native contents', async () => {
    const media = await inlineMedia({ source: mediaBytes({ kind: 'png', byteLength: 5_000 }) });
    const completion = await openai().chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: [media, { type: 'text', text: 'What is this?' }] }],
    });
    expect(completion.choices[0]?.message.content?.length).toBeGreaterThan(0);
    const sent = (
      gateway().requests.at(-1)!.body as { messages: Array<{ content: Array<Record<string, any>> }> }
    ).messages[0]!.content[0]!;
    expect(sent.type).toBe('image_url');
    const url: string = sent.image_url.url;
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64').length).toBe(media.byteLength);
  });

  it('sends the CSV as text/csv with its file name on the OpenAI route', async () => {
    const media = await inlineMedia({ source: Buffer.from(csv), fileName: 'cities.csv' });
    expect(media.mimeType).toBe('text/csv');
    expect(media.toOpenAIPart()).toMatchObject({ type: 'file', file: { filename: 'cities.csv' } });
  });
});

describe('media resolution', () => {
  it('documents the token meaning of each value', async () => {
    const { mediaResolutionTokens } = await import('../src/index.js');
    expect(mediaResolutionTokens[MediaResolution.LOW]).toBe(64);
    expect(mediaResolutionTokens[MediaResolution.MEDIUM]).toBe(256);
    expect(mediaResolutionTokens[MediaResolution.HIGH]).toBe(256);
  });

  it('sends a per-part resolution to Gemini 3, where it lowers the image tokens counted', async () => {
    const client = gemini({ middleware: [mediaRequestLimits()] });
    const low = await inlineMedia({
      source: mediaBytes({ kind: 'png', byteLength: 2_000 }),
      mediaResolution: 'LOW',
    });
    expect(low.mediaResolution).toEqual({ level: 'MEDIA_RESOLUTION_LOW' });
    expect(Object.keys(low)).toEqual(['inlineData', 'mediaResolution']);
    const plain = await inlineMedia({ source: mediaBytes({ kind: 'png', byteLength: 2_000 }) });
    const count = async (part: PartInput) =>
      (await client.models.countTokens({ model: 'gemini-3-pro-preview', contents: [part, 'x'] })).totalTokens;
    expect((await count(plain)) - (await count(low))).toBe(258 - 64);
  });

  it('refuses a per-part resolution on a model before Gemini 3, and on the OpenAI route', async () => {
    const low = await inlineMedia({
      source: mediaBytes({ kind: 'png', byteLength: 2_000 }),
      mediaResolution: 'LOW',
    });
    const call = gemini({ middleware: [mediaRequestLimits()] }).models.generateContent({
      model: 'gemini-2.5-flash',
      contents: [low, 'x'],
    });
    await expect(call).rejects.toThrow(/a part's own mediaResolution needs a Gemini 3 model/);
    expect(gateway().requests).toHaveLength(0);
    expect(() => low.toOpenAIPart()).toThrow(InvalidArgumentError);
  });

  it("takes a request-wide resolution on the native route (the guide's MEDIUM)", async () => {
    const media = await inlineMedia({ source: mediaBytes({ kind: 'png', byteLength: 2_000 }) });
    const client = gemini({ middleware: [mediaRequestLimits()] });
    const { totalTokens } = await client.models.countTokens({
      model: 'gemini-2.5-flash',
      contents: [media],
      config: { mediaResolution: MediaResolution.MEDIUM },
    });
    expect(totalTokens).toBe(256);
  });

  it('refuses an unknown resolution, naming the values', async () => {
    await expect(
      inlineMedia({
        source: mediaBytes({ kind: 'png', byteLength: 100 }),
        mediaResolution: 'ULTRA' as 'LOW',
      }),
    ).rejects.toThrow(/mediaResolution must be one of MEDIA_RESOLUTION_UNSPECIFIED, MEDIA_RESOLUTION_LOW/);
  });
});

describe('progress', () => {
  it('reports the bytes handed to the request, ending at the total', async () => {
    const bytes = mediaBytes({ kind: 'png', byteLength: 300_000 });
    const seen: Array<{ bytesSent: number; totalBytes: number }> = [];
    const media = await inlineMedia({
      source: bytes,
      fileName: 'p.png',
      onProgress: ({ bytesSent, totalBytes, fileName }) => {
        expect(fileName).toBe('p.png');
        seen.push({ bytesSent, totalBytes });
      },
    });
    await gemini().models.generateContent({ model: 'gemini-2.5-flash', contents: [media] });
    expect(seen[0]).toEqual({ bytesSent: 0, totalBytes: 300_000 });
    expect(seen.at(-1)).toEqual({ bytesSent: 300_000, totalBytes: 300_000 });
    expect(seen.length).toBeGreaterThan(3);
    for (let index = 1; index < seen.length; index++) {
      expect(seen[index]!.bytesSent).toBeGreaterThan(seen[index - 1]!.bytesSent);
    }
  });
});
