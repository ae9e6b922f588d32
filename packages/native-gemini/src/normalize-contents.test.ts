import { binarySource, InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { contentsCarryBinary, normalizeContent, normalizeContents } from './normalize-contents.js';

describe('normalizeContents', () => {
  it('turns a string into one user turn', () => {
    expect(normalizeContents({ contents: 'Hi' })).toEqual([{ role: 'user', parts: [{ text: 'Hi' }] }]);
  });

  it('turns a part into one user turn', () => {
    const part = { inlineData: { mimeType: 'image/png', data: 'AAAA' } };
    expect(normalizeContents({ contents: part })).toEqual([{ role: 'user', parts: [part] }]);
  });

  it('turns a list of parts and strings into one user turn', () => {
    expect(normalizeContents({ contents: ['a', { text: 'b' }] })).toEqual([
      { role: 'user', parts: [{ text: 'a' }, { text: 'b' }] },
    ]);
  });

  it('keeps a list of contents as it is', () => {
    const contents = [
      { role: 'user', parts: [{ text: 'q' }] },
      { role: 'model', parts: [{ text: 'a', thoughtSignature: 'sig' }] },
    ];
    expect(normalizeContents({ contents })).toBe(contents);
  });

  it('gives a role-less content the user role', () => {
    expect(normalizeContents({ contents: { parts: [{ text: 'x' }] } })).toEqual([
      { role: 'user', parts: [{ text: 'x' }] },
    ]);
  });

  it('refuses an empty list and a mix of contents and parts, naming the argument', () => {
    expect(() => normalizeContents({ contents: [] })).toThrow(/contents is empty/);
    try {
      normalizeContents({ contents: [{ role: 'user', parts: [] }, { text: 'x' }] as never });
      expect.unreachable();
    } catch (error) {
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as InvalidArgumentError).argument).toBe('contents');
    }
  });
});

describe('normalizeContent', () => {
  it('accepts a string, a part, parts and a content', () => {
    const argument = 'config.systemInstruction';
    expect(normalizeContent({ content: 'Be brief.', argument })).toEqual({
      role: 'user',
      parts: [{ text: 'Be brief.' }],
    });
    expect(normalizeContent({ content: { text: 'x' }, argument })).toEqual({
      role: 'user',
      parts: [{ text: 'x' }],
    });
    expect(normalizeContent({ content: ['a', 'b'], argument })).toEqual({
      role: 'user',
      parts: [{ text: 'a' }, { text: 'b' }],
    });
    const content = { role: 'system', parts: [{ text: 'c' }] };
    expect(normalizeContent({ content, argument })).toBe(content);
  });
});

describe('contentsCarryBinary', () => {
  const data = binarySource({
    byteLength: 1,
    open: async function* () {
      yield new Uint8Array([1]);
    },
  });

  it('keeps a part whose inline data is a binary slot as it is, and finds it', () => {
    const contents = normalizeContents({
      contents: ['Look:', { inlineData: { mimeType: 'image/png', data } }],
    });
    expect(contents[0]!.parts![1]!.inlineData!.data).toBe(data);
    expect(contentsCarryBinary({ contents })).toBe(true);
  });

  it('finds none in text, base64 strings or parts without a list', () => {
    const contents = [
      { role: 'user', parts: [{ text: 'x' }, { inlineData: { mimeType: 'image/png', data: 'AAAA' } }] },
      { role: 'model' },
    ];
    expect(contentsCarryBinary({ contents })).toBe(false);
  });
});
