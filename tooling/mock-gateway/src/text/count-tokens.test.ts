import { describe, expect, it } from 'vitest';
import { countMediaTokens, countTextTokens } from './count-tokens.js';

describe('tokenizer approximation', () => {
  it('counts a text as ceil(length / 4)', () => {
    expect(countTextTokens('')).toBe(0);
    expect(countTextTokens('abcd')).toBe(1);
    expect(countTextTokens('abcde')).toBe(2);
  });

  it('counts images by media resolution', () => {
    const data = Buffer.alloc(10).toString('base64');
    expect(
      countMediaTokens({ mimeType: 'image/png', data, mediaResolution: 'MEDIA_RESOLUTION_LOW' }).tokens,
    ).toBe(64);
    expect(
      countMediaTokens({ mimeType: 'image/png', data, mediaResolution: 'MEDIA_RESOLUTION_HIGH' }).tokens,
    ).toBe(256);
    expect(countMediaTokens({ mimeType: 'image/png', data }).tokens).toBe(258);
  });

  it('counts audio, video and documents by decoded bytes, text documents as text', () => {
    const kilobyte = Buffer.alloc(1024).toString('base64');
    expect(countMediaTokens({ mimeType: 'audio/wav', data: kilobyte })).toEqual({
      modality: 'AUDIO',
      tokens: 11,
    });
    expect(countMediaTokens({ mimeType: 'video/mp4', data: kilobyte })).toEqual({
      modality: 'VIDEO',
      tokens: 11,
    });
    expect(countMediaTokens({ mimeType: 'application/pdf', data: kilobyte })).toEqual({
      modality: 'DOCUMENT',
      tokens: 11,
    });
    const csv = Buffer.from('a,b\n1,2\n').toString('base64');
    expect(countMediaTokens({ mimeType: 'text/csv', data: csv })).toEqual({ modality: 'TEXT', tokens: 2 });
  });
});
