// Builds the per-chunk streaming rows: one streamed call of `chunks` chunks through each client,
// against the raw upstream (a fixed answer, so the server costs nothing that varies), every chunk
// decoded, the text assembled and the last usage read. The floor is raw `undici.request` with a
// hand-written SSE split; the ratio of a client to it is its CPU per chunk against the floor's.
import { createGemini } from '@gemgate/native-gemini';
import { createOpenAICompat } from '@gemgate/openai-compat';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { Agent, request } from 'undici';
import { expectedText } from './stream-bodies.mjs';

const apiKey = 'sk-bench-not-a-real-key';
const model = 'gemini-2.5-flash';
const silent = { debug: () => {}, warn: () => {} };

function keepAliveAgent() {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveTimeoutThreshold: 100 });
}

/**
 * The floor: the `data:` payloads of an SSE body, split by hand on the framing the upstream is
 * known to use (`\r\n\r\n` on the native route, `\n\n` on the OpenAI one), each handed to `onData`.
 */
async function readSse({ body, separator, onData }) {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const piece of body) {
    buffer += decoder.decode(piece, { stream: true });
    let start = 0;
    for (let end = buffer.indexOf(separator, start); end !== -1; end = buffer.indexOf(separator, start)) {
      const line = buffer.slice(start, end);
      start = end + separator.length;
      if (line.startsWith('data: ')) onData(line.slice(6));
    }
    buffer = buffer.slice(start);
  }
}

function nativeText(chunk) {
  let text = '';
  for (const part of chunk.candidates?.[0]?.content?.parts ?? [])
    if (!part.thought && part.text) text += part.text;
  return text;
}

/**
 * @param {{ route: 'native' | 'openai', chunks: number, iterations: number, warmup: number }} options
 */
export function streamPerChunkWorkload({ route, chunks, iterations, warmup }) {
  const expected = expectedText(chunks);
  const contents = [{ role: 'user', parts: [{ text: 'How is the "Rule of 72" derived?' }] }];
  const messages = [{ role: 'user', content: 'How is the "Rule of 72" derived?' }];
  const drivers =
    route === 'native'
      ? {
          'raw undici': async ({ upstreamURL }) => {
            const dispatcher = keepAliveAgent();
            const url = `${upstreamURL}/gemini/v1beta/models/${model}:streamGenerateContent?alt=sse&chunks=${chunks}`;
            const headers = { 'content-type': 'application/json', 'x-goog-api-key': apiKey };
            const body = JSON.stringify({ contents });
            return {
              once: async () => {
                const response = await request(url, { method: 'POST', headers, body, dispatcher });
                if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
                let text = '';
                let count = 0;
                let usage;
                await readSse({
                  body: response.body,
                  separator: '\r\n\r\n',
                  onData: (data) => {
                    const chunk = JSON.parse(data);
                    count++;
                    text += nativeText(chunk);
                    if (chunk.usageMetadata) usage = chunk.usageMetadata;
                  },
                });
                return { text, chunks: count, totalTokens: usage?.totalTokenCount };
              },
              close: () => dispatcher.close(),
            };
          },
          '@gemgate/native-gemini': async ({ upstreamURL }) => {
            const dispatcher = keepAliveAgent();
            const gemini = createGemini({
              apiKey,
              baseURL: `${upstreamURL}/gemini?chunks=${chunks}`,
              logger: silent,
              env: {},
              dispatcher,
            });
            return {
              once: async () => {
                const stream = gemini.models.generateContentStream({ model, contents });
                let text = '';
                let count = 0;
                let usage;
                for await (const chunk of stream) {
                  count++;
                  text += chunk.text;
                  usage = chunk.usage;
                }
                return { text, chunks: count, totalTokens: usage?.totalTokens };
              },
              close: async () => {
                await gemini.close();
                await dispatcher.close();
              },
            };
          },
          '@google/genai': async ({ upstreamURL }) => {
            const ai = new GoogleGenAI({
              apiKey,
              httpOptions: {
                baseUrl: `${upstreamURL}/gemini`,
                headers: { 'x-bench-chunks': String(chunks) },
              },
            });
            return {
              once: async () => {
                const stream = await ai.models.generateContentStream({ model, contents });
                let text = '';
                let count = 0;
                let usage;
                for await (const chunk of stream) {
                  count++;
                  text += nativeText(chunk);
                  if (chunk.usageMetadata) usage = chunk.usageMetadata;
                }
                return { text, chunks: count, totalTokens: usage?.totalTokenCount };
              },
            };
          },
        }
      : {
          'raw undici': async ({ upstreamURL }) => {
            const dispatcher = keepAliveAgent();
            const url = `${upstreamURL}/v1/chat/completions?chunks=${chunks}`;
            const headers = { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` };
            const body = JSON.stringify({
              model,
              messages,
              stream: true,
              stream_options: { include_usage: true },
            });
            return {
              once: async () => {
                const response = await request(url, { method: 'POST', headers, body, dispatcher });
                if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
                let text = '';
                let count = 0;
                let usage;
                await readSse({
                  body: response.body,
                  separator: '\n\n',
                  onData: (data) => {
                    if (data === '[DONE]') return;
                    const chunk = JSON.parse(data);
                    count++;
                    const content = chunk.choices[0]?.delta?.content;
                    if (content) text += content;
                    if (chunk.usage) usage = chunk.usage;
                  },
                });
                return { text, chunks: count, totalTokens: usage?.total_tokens };
              },
              close: () => dispatcher.close(),
            };
          },
          '@gemgate/openai-compat': async ({ upstreamURL }) => {
            const dispatcher = keepAliveAgent();
            const client = createOpenAICompat({
              apiKey,
              baseURL: `${upstreamURL}/v1?chunks=${chunks}`,
              dispatcher,
              env: {},
            });
            return {
              once: async () => {
                const stream = await client.chat.completions.create({ model, messages, stream: true });
                let text = '';
                let count = 0;
                let usage;
                for await (const chunk of stream) {
                  count++;
                  text += chunk.text;
                  if (chunk.usage) usage = chunk.usage;
                }
                return { text, chunks: count, totalTokens: usage?.totalTokens };
              },
              close: async () => {
                await client.close();
                await dispatcher.close();
              },
            };
          },
          openai: async ({ upstreamURL }) => {
            const dispatcher = keepAliveAgent();
            const client = new OpenAI({ apiKey, baseURL: `${upstreamURL}/v1`, fetchOptions: { dispatcher } });
            return {
              once: async () => {
                const stream = await client.chat.completions.create(
                  { model, messages, stream: true, stream_options: { include_usage: true } },
                  { query: { chunks } },
                );
                let text = '';
                let count = 0;
                let usage;
                for await (const chunk of stream) {
                  count++;
                  const content = chunk.choices[0]?.delta?.content;
                  if (content) text += content;
                  if (chunk.usage) usage = chunk.usage;
                }
                return { text, chunks: count, totalTokens: usage?.total_tokens };
              },
              close: () => dispatcher.close(),
            };
          },
        };
  const client = route === 'native' ? '@gemgate/native-gemini' : '@gemgate/openai-compat';
  // The OpenAI route adds one usage-only chunk after the content chunks.
  const expectedChunks = route === 'native' ? chunks : chunks + 1;
  return {
    name: `${route === 'native' ? 'native-gemini' : 'openai-compat'}-stream-${chunks}`,
    description: `One streamed call of ${chunks} chunks: each decoded, text assembled, last usage read.`,
    baseline: 'raw undici',
    targets: { [client]: 1.3 },
    iterations,
    warmup,
    repeats: 5,
    upstream: 'raw-http',
    drivers,
    check(answer, driverName) {
      if (answer?.text !== expected || answer.chunks !== expectedChunks || !(answer.totalTokens > 0)) {
        throw new Error(`${driverName}: unexpected answer ${JSON.stringify(answer).slice(0, 300)}`);
      }
    },
  };
}
