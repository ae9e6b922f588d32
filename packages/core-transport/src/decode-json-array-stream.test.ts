import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesCutAt, collect } from '../test/chunks.js';
import { decodeJsonArrayStream } from './decode-json-array-stream.js';
import { ResponseValidationError, StreamInterruptedError } from './errors.js';

describe('decodeJsonArrayStream', () => {
  it("reads Gemini's streamed array with CRLF and commas between elements", async () => {
    const text = '[{"candidates":[{"index":0}]}\n,\r\n{"text":"b"}\r\n]';
    expect(await collect(decodeJsonArrayStream(bytesCutAt(text, [])))).toEqual([
      { candidates: [{ index: 0 }] },
      { text: 'b' },
    ]);
  });

  it('is not fooled by brackets and escaped quotes inside strings', async () => {
    const elements = [{ text: 'a ] } [ { "quoted" \\ back' }, { text: '\\"' }, { n: [1, [2, { x: '}' }]] }];
    const text = JSON.stringify(elements);
    for (let cut = 0; cut < text.length; cut++) {
      expect(await collect(decodeJsonArrayStream(bytesCutAt(text, [cut])))).toEqual(elements);
    }
  });

  it('reads bare values and an empty array', async () => {
    expect(await collect(decodeJsonArrayStream(bytesCutAt('[1, "a,b", true, null]', [3])))).toEqual([
      1,
      'a,b',
      true,
      null,
    ]);
    expect(await collect(decodeJsonArrayStream(bytesCutAt(' [ ] ', [])))).toEqual([]);
  });

  it('yields a lone JSON object (an error in place of the array) as one element', async () => {
    expect(await collect(decodeJsonArrayStream(bytesCutAt('{"error":{"code":400}}', [5])))).toEqual([
      { error: { code: 400 } },
    ]);
  });

  it('raises StreamInterruptedError with what arrived when the array is cut', async () => {
    for (const text of ['[{"a":1},{"b":', '[{"a":1}', '[{"a":1},']) {
      const events: unknown[] = [];
      let caught: unknown;
      try {
        for await (const event of decodeJsonArrayStream(bytesCutAt(text, []))) events.push(event);
      } catch (error) {
        caught = error;
      }
      expect(StreamInterruptedError.isInstance(caught)).toBe(true);
      expect((caught as StreamInterruptedError).partial).toEqual([{ a: 1 }]);
      expect(events).toEqual([{ a: 1 }]);
    }
  });

  it('raises StreamInterruptedError for a body that ends before the array opens', async () => {
    for (const text of ['', ' \r\n']) {
      const caught = await collect(decodeJsonArrayStream(bytesCutAt(text, []))).catch(
        (error: unknown) => error,
      );
      expect(StreamInterruptedError.isInstance(caught)).toBe(true);
      expect((caught as StreamInterruptedError).partial).toEqual([]);
    }
  });

  it('raises a typed ResponseValidationError, never a bare SyntaxError, for bytes that are not a JSON array', async () => {
    for (const text of ['<html>502 Bad Gateway</html>', '[{"a":1},{"b":}]', '[{"a":1} x]']) {
      const caught = await collect(decodeJsonArrayStream(bytesCutAt(text, []))).catch(
        (error: unknown) => error,
      );
      expect(ResponseValidationError.isInstance(caught)).toBe(true);
      expect((caught as Error).cause).toBeInstanceOf(SyntaxError);
    }
  });

  it('reads long strings with many escapes, split inside an escape', async () => {
    const elements = [{ text: `${'line\n"quoted"\\'.repeat(200)}é世` }, { text: '\\' }];
    const text = JSON.stringify(elements);
    for (const cut of [1, 17, 18, 19, 500, text.length - 3]) {
      expect(await collect(decodeJsonArrayStream(bytesCutAt(text, [cut, cut + 1])))).toEqual(elements);
    }
  });

  it('gives the same elements for any chunking (property)', async () => {
    // Full Unicode strings, so a cut also lands inside multi-byte characters.
    const element = fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' });
    await fc.assert(
      fc.asyncProperty(
        fc.array(element, { maxLength: 6 }),
        fc.constantFrom(',', '\n,\r\n', ' , '),
        fc.array(fc.nat({ max: 600 }), { maxLength: 15 }),
        async (elements, separator, cuts) => {
          const text = `[${elements.map((value) => JSON.stringify(value)).join(separator)}]`;
          const decoded = await collect(decodeJsonArrayStream(bytesCutAt(text, cuts)));
          expect(decoded).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 200 },
    );
  });
});
