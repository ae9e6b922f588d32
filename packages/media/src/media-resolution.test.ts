import { describe, expect, it } from 'vitest';
import { checkMediaResolution, parseMediaResolution } from './media-resolution.js';

describe('media resolution', () => {
  it('reads the short and the full spellings', () => {
    expect(parseMediaResolution({ value: 'low' })).toBe('MEDIA_RESOLUTION_LOW');
    expect(parseMediaResolution({ value: 'MEDIA_RESOLUTION_HIGH' })).toBe('MEDIA_RESOLUTION_HIGH');
  });

  it('takes a request-wide resolution on every media model, a per-part one on Gemini 3 only', () => {
    expect(() => checkMediaResolution({ model: 'gemini-2.0-flash', scope: 'request' })).not.toThrow();
    expect(() => checkMediaResolution({ model: 'gemini-3-flash-preview', scope: 'part' })).not.toThrow();
    expect(() => checkMediaResolution({ model: 'gemini-2.5-pro', scope: 'part' })).toThrow(
      /needs a Gemini 3 model/,
    );
    expect(() => checkMediaResolution({ model: 'gemini-embedding-001', scope: 'request' })).toThrow(
      /does not read media/,
    );
  });

  it('lets a model the catalog does not know through', () => {
    expect(() => checkMediaResolution({ model: 'some-new-model', scope: 'part' })).not.toThrow();
  });
});
