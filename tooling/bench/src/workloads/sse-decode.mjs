// Row (b): decoding a large server-sent-events body, in process: `decodeSse` against
// `eventsource-parser`, both fed the same bytes in the same chunks.
import { decodeSse } from '@gemgate/core-transport';
import { createParser } from 'eventsource-parser';

const eventCount = 2000;
const chunkSize = 16 * 1024;

/** A Gemini-like stream: `data: <chunk JSON>` events separated by CRLF CRLF, as the gateway sends. */
function buildPayload() {
  let text = '';
  for (let index = 0; index < eventCount; index++) {
    const chunk = {
      candidates: [
        {
          content: {
            role: 'model',
            parts: [{ text: `Token ${index} — and some more words to make it realistic.` }],
          },
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount: 12, candidatesTokenCount: index + 1, totalTokenCount: index + 13 },
      modelVersion: 'gemini-2.5-flash',
      responseId: 'bench-response',
    };
    text += `data: ${JSON.stringify(chunk)}\r\n\r\n`;
  }
  const bytes = new TextEncoder().encode(text);
  const chunks = [];
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    chunks.push(bytes.subarray(offset, offset + chunkSize));
  }
  return chunks;
}

const chunks = buildPayload();

/** What both drivers return: how many events and how many characters of data. */
function summary(events, characters) {
  return { events, characters };
}

export default {
  name: 'sse-decode',
  description: `Decode ${eventCount} Gemini-sized SSE events (CRLF) delivered in ${chunkSize / 1024} KiB chunks.`,
  baseline: 'eventsource-parser',
  targets: { decodeSse: 1 },
  iterations: 200,
  warmup: 50,
  repeats: 5,
  upstream: 'none',
  drivers: {
    'eventsource-parser': async () => ({
      once: async () => {
        let events = 0;
        let characters = 0;
        const parser = createParser({
          onEvent: (event) => {
            events++;
            characters += event.data.length;
          },
        });
        const textDecoder = new TextDecoder();
        for (const chunk of chunks) parser.feed(textDecoder.decode(chunk, { stream: true }));
        return summary(events, characters);
      },
    }),
    decodeSse: async () => ({
      once: async () => {
        let events = 0;
        let characters = 0;
        async function* body() {
          yield* chunks;
        }
        for await (const event of decodeSse(body())) {
          events++;
          characters += event.data.length;
        }
        return summary(events, characters);
      },
    }),
  },
  check(answer) {
    if (answer.events !== eventCount || answer.characters < eventCount * 100) {
      throw new Error(`Unexpected decode: ${JSON.stringify(answer)}`);
    }
  },
};
