// Builds an SSE decoding workload: `decodeSse` against `eventsource-parser`, both fed the
// same bytes in the same chunks, in process. Shared by the sse-decode workloads.
import { decodeSse } from '@gemgate/core-transport';
import { createParser } from 'eventsource-parser';

const eventCount = 2000;
const chunkSize = 16 * 1024;

/** A Gemini-like stream: `data: <chunk JSON>` events separated by CRLF CRLF, as the gateway sends. */
function buildChunks({ sentence }) {
  let text = '';
  for (let index = 0; index < eventCount; index++) {
    const chunk = {
      candidates: [{ content: { role: 'model', parts: [{ text: `Token ${index} ${sentence}` }] }, index: 0 }],
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

/**
 * @param {{ name: string, description: string, sentence: string }} options
 */
export function sseDecodeWorkload({ name, description, sentence }) {
  const chunks = buildChunks({ sentence });
  return {
    name,
    description: `${description} (${eventCount} events, ${chunkSize / 1024} KiB chunks)`,
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
          return { events, characters };
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
          return { events, characters };
        },
      }),
    },
    check(answer) {
      if (answer.events !== eventCount || answer.characters < eventCount * 100) {
        throw new Error(`Unexpected decode: ${JSON.stringify(answer)}`);
      }
    },
  };
}
