// Row: CPU per streamed call through @gemgate/core-transport (`stream: 'sse'`, events parsed)
// against raw `undici.request` + `eventsource-parser` + `JSON.parse`, the floor for the same
// work, both to the same local server answering a fixed 20-event stream.
import { createTransport } from '@gemgate/core-transport';
import { createParser } from 'eventsource-parser';
import { Agent, request } from 'undici';

const payload = { contents: [{ role: 'user', parts: [{ text: 'count to twenty' }] }] };
const path = 'v1beta/models/gemini-2.5-flash:streamGenerateContent';
const apiKey = 'sk-bench-not-a-real-key';

/** What both drivers return: the text of every event, joined, and the last usage total. */
function summarize(events) {
  let text = '';
  for (const event of events) text += event.candidates[0].content.parts[0].text;
  return { events: events.length, text, total: events.at(-1)?.usageMetadata.totalTokenCount };
}

export default {
  name: 'transport-sse',
  description: 'One streamed call: 20 native SSE events, each parsed as JSON.',
  baseline: 'undici.request + eventsource-parser',
  targets: { '@gemgate/core-transport': 1.15 },
  iterations: 3000,
  warmup: 500,
  repeats: 5,
  upstream: 'raw-http',
  drivers: {
    'undici.request + eventsource-parser': async ({ upstreamURL }) => {
      const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
      const url = `${upstreamURL}/gemini/${path}?alt=sse`;
      const headers = { 'content-type': 'application/json', 'x-goog-api-key': apiKey };
      return {
        once: async () => {
          const response = await request(url, {
            method: 'POST',
            headers,
            body: JSON.stringify(payload),
            dispatcher,
          });
          if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
          const events = [];
          const parser = createParser({ onEvent: (event) => events.push(JSON.parse(event.data)) });
          const decoder = new TextDecoder();
          for await (const chunk of response.body) parser.feed(decoder.decode(chunk, { stream: true }));
          return summarize(events);
        },
        close: () => dispatcher.close(),
      };
    },
    '@gemgate/core-transport': async ({ upstreamURL }) => {
      const transport = createTransport({ baseURL: `${upstreamURL}/gemini`, auth: 'goog-api-key', apiKey });
      return {
        once: async () => {
          const response = await transport.request({
            method: 'POST',
            path,
            query: { alt: 'sse' },
            body: payload,
            stream: 'sse',
          });
          const events = [];
          if (response.kind === 'stream') for await (const event of response.events) events.push(event);
          return summarize(events);
        },
        close: () => transport.close(),
      };
    },
  },
  check(answer) {
    if (answer.events !== 20 || !answer.text.startsWith('word0 word1 ') || answer.total !== 23) {
      throw new Error(`Unexpected answer: ${JSON.stringify(answer)}`);
    }
  },
};
