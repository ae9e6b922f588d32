/**
 * The mock's tokenizer approximation. It is not Gemini's tokenizer; it is stable, cheap and
 * documented (README "Tokenizer approximation") so tests can predict counts exactly.
 */

/** Per-image token counts by `mediaResolution`, as the gateway's guide lists them. */
export const imageTokensByResolution: Readonly<Record<string, number>> = {
  MEDIA_RESOLUTION_LOW: 64,
  MEDIA_RESOLUTION_MEDIUM: 256,
  MEDIA_RESOLUTION_HIGH: 256,
  MEDIA_RESOLUTION_UNSPECIFIED: 258,
};

/** Tokens of a text: one per four UTF-16 code units, rounded up; empty text is 0. */
export function countTextTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The modality Google reports a media part under. */
export type Modality = 'TEXT' | 'IMAGE' | 'AUDIO' | 'VIDEO' | 'DOCUMENT';

/** Decoded size of a base64 payload, without decoding it. */
export function base64ByteLength(data: string): number {
  return Buffer.byteLength(data, 'base64');
}

/**
 * Tokens of one inline media part: images cost a fixed amount by resolution; audio, video and
 * documents cost one token per 100 decoded bytes (at least 1); text-like documents count as text.
 */
export function countMediaTokens({
  mimeType,
  data,
  mediaResolution,
}: {
  mimeType: string;
  data: string;
  mediaResolution?: string | undefined;
}): { modality: Modality; tokens: number } {
  if (mimeType.startsWith('image/')) {
    const tokens =
      imageTokensByResolution[mediaResolution ?? 'MEDIA_RESOLUTION_UNSPECIFIED'] ??
      imageTokensByResolution.MEDIA_RESOLUTION_UNSPECIFIED!;
    return { modality: 'IMAGE', tokens };
  }
  if (mimeType.startsWith('text/') || mimeType === 'application/json') {
    return { modality: 'TEXT', tokens: countTextTokens(Buffer.from(data, 'base64').toString('utf8')) };
  }
  const tokens = Math.max(1, Math.ceil(base64ByteLength(data) / 100));
  if (mimeType.startsWith('audio/')) return { modality: 'AUDIO', tokens };
  if (mimeType.startsWith('video/')) return { modality: 'VIDEO', tokens };
  return { modality: 'DOCUMENT', tokens };
}
