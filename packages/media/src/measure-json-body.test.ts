import { randomBytes } from 'node:crypto';
import { binarySource, encodeJsonWithBinary } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { measureRequestBody } from './measure-json-body.js';

const slot = (byteLength: number, prefix = '') =>
  binarySource({ byteLength, prefix, open: async function* () {} });

describe('measureRequestBody', () => {
  it.each([
    [
      'text and numbers',
      { contents: [{ role: 'user', parts: [{ text: 'Hi "you"\n\u0001 é 😀' }] }], n: 1.5 },
    ],
    ['undefined members and array holes', { a: undefined, b: [undefined, () => 1, null], c: new Date(0) }],
    [
      'a base64 string',
      { inlineData: { mimeType: 'image/png', data: randomBytes(3_001).toString('base64') } },
    ],
    ['a lone surrogate', { text: '\ud800x' }],
  ])('equals the UTF-8 length of JSON.stringify for %s', (_label, value) => {
    expect(measureRequestBody({ body: value })).toBe(Buffer.byteLength(JSON.stringify(value), 'utf8'));
    expect(measureRequestBody({ body: { kind: 'json', value } })).toBe(
      Buffer.byteLength(JSON.stringify(value)),
    );
  });

  it('equals the length encodeJsonWithBinary sends, slots counted as their base64', () => {
    for (const byteLength of [0, 1, 2, 3, 1_000_001]) {
      const value = {
        contents: [
          { parts: [{ inlineData: { mimeType: 'image/png', data: slot(byteLength) } }, { text: 'x' }] },
          { parts: [{ type: 'image_url', image_url: { url: slot(byteLength, 'data:image/png;base64,') } }] },
        ],
      };
      const expected = encodeJsonWithBinary({ value }).length;
      expect(measureRequestBody({ body: { kind: 'json-with-binary', value } })).toBe(expected);
    }
  });

  it('takes a byte body at its declared length', () => {
    expect(
      measureRequestBody({
        body: {
          kind: 'bytes',
          length: 1234,
          contentType: 'application/octet-stream',
          stream: (async function* () {})(),
        },
      }),
    ).toBe(1234);
  });
});
