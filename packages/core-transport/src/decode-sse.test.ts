import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesCutAt, collect } from '../test/chunks.js';
import { decodeSse, type SseEvent } from './decode-sse.js';
import { SseDecoder } from './sse-decoder.js';

async function* strings(...chunks: string[]) {
  yield* chunks;
}

const data = (events: { data: string }[]) => events.map((event) => event.data);

describe('decodeSse', () => {
  it('splits events on LF, CR and CRLF line ends alike', async () => {
    for (const end of ['\n', '\r', '\r\n']) {
      const text = `data: one${end}${end}data: two${end}${end}`;
      expect(data(await collect(decodeSse(strings(text))))).toEqual(['one', 'two']);
    }
  });

  it('joins multi-line data with \\n and removes one leading space only', async () => {
    const events = await collect(decodeSse(strings('data:  a\ndata:b\ndata\n\n')));
    expect(data(events)).toEqual([' a\nb\n']);
  });

  it('ignores comments and unknown fields, reads event, id and retry', async () => {
    const events = await collect(
      decodeSse(strings(': keep-alive\nevent: delta\nid: 7\nretry: 3000\nfoo: bar\ndata: x\n\ndata: y\n\n')),
    );
    expect(events).toEqual([
      { event: 'delta', data: 'x', id: '7', retry: 3000 },
      // The last event id carries over; event and retry do not.
      { event: undefined, data: 'y', id: '7', retry: undefined },
    ]);
  });

  it('drops a leading BOM, in strings and in bytes', async () => {
    expect(data(await collect(decodeSse(strings('\uFEFFdata: a\n\n'))))).toEqual(['a']);
    expect(data(await collect(decodeSse(bytesCutAt('\uFEFFdata: a\n\n', [1]))))).toEqual(['a']);
  });

  it('dispatches an empty data field but not a block without data', async () => {
    expect(data(await collect(decodeSse(strings('data:\n\nevent: x\n\n'))))).toEqual(['']);
  });

  it('handles a CRLF split across two chunks as one line end', async () => {
    const events = await collect(decodeSse(strings('data: a\r', '\n\r', '\ndata: b\r\n\r\n')));
    expect(data(events)).toEqual(['a', 'b']);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    const text = 'data: {"text":"héllo 世界 🎉"}\n\n';
    for (let cut = 0; cut < new TextEncoder().encode(text).length; cut++) {
      expect(data(await collect(decodeSse(bytesCutAt(text, [cut]))))).toEqual(['{"text":"héllo 世界 🎉"}']);
    }
  });

  it('drops an event the stream stopped in, and says so', async () => {
    expect(data(await collect(decodeSse(strings('data: a\n\ndata: b'))))).toEqual(['a']);
    const decoder = new SseDecoder();
    decoder.push('data: a\n\ndata: b\n');
    expect(decoder.end().incomplete).toBe(true);
    const complete = new SseDecoder();
    complete.push('data: a\r\n\r\n');
    expect(complete.end().incomplete).toBe(false);
  });

  it('gives the same events for any chunking of the same bytes (property)', async () => {
    const line = fc.constantFrom('\n', '\r', '\r\n');
    const value = fc.string({ unit: fc.constantFrom('a', 'é', '世', '🎉', ':', ' ', '{', '"', 'x') });
    const field = fc.oneof(
      value.map((text) => `data: ${text}`),
      value.map((text) => `data:${text}`),
      value.map((text) => `: ${text}`),
      value.map((text) => `event: ${text}`),
      fc.nat({ max: 9999 }).map((ms) => `retry: ${ms}`),
      fc.constant('id: 42'),
    );
    const block = fc.tuple(fc.array(field, { minLength: 1, maxLength: 4 }), line);
    const stream = fc
      .array(block, { maxLength: 8 })
      .map((blocks) => blocks.map(([fields, end]) => `${fields.join(end)}${end}${end}`).join(''));
    await fc.assert(
      fc.asyncProperty(stream, fc.array(fc.nat({ max: 400 }), { maxLength: 12 }), async (text, cuts) => {
        const whole = await collect(decodeSse(bytesCutAt(text, [])));
        // Against an independent, naive reading of the spec, not only against itself.
        expect(whole).toEqual(referenceDecode(text));
        const cut = await collect(decodeSse(bytesCutAt(text, cuts)));
        expect(cut).toEqual(whole);
        // Byte by byte, the hardest split of all.
        const oneByte = await collect(
          decodeSse(
            bytesCutAt(
              text,
              Array.from({ length: text.length * 4 }, (_, i) => i),
            ),
          ),
        );
        expect(oneByte).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });
});

/** The WHATWG algorithm read naively, on the whole text at once: the oracle for the property test. */
function referenceDecode(text: string): SseEvent[] {
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\r|\n/);
  // What follows the last line end is an unfinished line: dropped.
  lines.pop();
  const events: SseEvent[] = [];
  let data: string[] = [];
  let event: string | undefined;
  let id: string | undefined;
  let retry: number | undefined;
  for (const line of lines) {
    if (line === '') {
      if (data.length > 0) events.push({ event, data: data.join('\n'), id, retry });
      data = [];
      event = undefined;
      retry = undefined;
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const raw = colon === -1 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\u0000')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  }
  return events;
}
