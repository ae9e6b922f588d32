// Row: CPU per streamed `generateContent` (`:streamGenerateContent?alt=sse`) over the native
// route; divide by `chunks` in the answer for CPU per chunk. Through @gemgate/native-gemini
// (and @gemgate/core-transport alone, to show the client's share), the official @google/genai and raw `undici.request` with a hand-written SSE split. Same
// request body for every driver, so the mock gateway streams the same chunks to each; every
// driver assembles the text and keeps the last usage snapshot.

import { createTransport } from '@gemgate/core-transport';
import { createGemini } from '@gemgate/native-gemini';
import { GoogleGenAI } from '@google/genai';
import { Agent, request } from 'undici';

const apiKey = 'sk-bench-not-a-real-key';
const model = 'gemini-2.5-flash';
const contents = [
  { role: 'user', parts: [{ text: 'How is the "Rule of 72" derived in the financial world?' }] },
];
const config = { thinkingConfig: { includeThoughts: true } };
const silent = { debug: () => {}, warn: () => {} };

function textOf(parts) {
  let text = '';
  for (const part of parts ?? []) if (!part.thought && part.text) text += part.text;
  return text;
}

export default {
  name: 'native-gemini-stream',
  description: 'One streamed generateContent: every SSE chunk decoded, text assembled, last usage kept.',
  baseline: 'raw undici',
  targets: { '@gemgate/native-gemini': 1.3 },
  iterations: 1000,
  warmup: 200,
  repeats: 5,
  upstream: 'mock-gateway',
  drivers: {
    'raw undici': async ({ upstreamURL }) => {
      const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
      const url = `${upstreamURL}/gemini/v1beta/models/${model}:streamGenerateContent?alt=sse`;
      const headers = { 'content-type': 'application/json', 'x-goog-api-key': apiKey };
      const body = JSON.stringify({ contents, generationConfig: config });
      return {
        once: async () => {
          const response = await request(url, { method: 'POST', headers, body, dispatcher });
          if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
          const decoder = new TextDecoder();
          let buffer = '';
          let text = '';
          let chunks = 0;
          let usage;
          for await (const piece of response.body) {
            buffer += decoder.decode(piece, { stream: true }).replaceAll('\r\n', '\n');
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              const data = buffer.slice(0, end).replace(/^data: ?/, '');
              buffer = buffer.slice(end + 2);
              end = buffer.indexOf('\n\n');
              if (data === '') continue;
              const chunk = JSON.parse(data);
              chunks++;
              text += textOf(chunk.candidates?.[0]?.content?.parts);
              if (chunk.usageMetadata) usage = chunk.usageMetadata;
            }
          }
          return { text, chunks, totalTokens: usage?.totalTokenCount };
        },
        close: () => dispatcher.close(),
      };
    },
    // The transport alone (SSE decoding, timeouts, typed errors), to show what the client adds on top.
    '@gemgate/core-transport': async ({ upstreamURL }) => {
      const transport = createTransport({
        baseURL: `${upstreamURL}/gemini`,
        auth: 'goog-api-key',
        apiKey,
        env: {},
      });
      const body = { contents, generationConfig: config };
      return {
        once: async () => {
          const response = await transport.request({
            method: 'POST',
            path: `v1beta/models/${model}:streamGenerateContent`,
            query: { alt: 'sse' },
            body,
            stream: 'sse',
          });
          let text = '';
          let chunks = 0;
          let usage;
          for await (const chunk of response.events) {
            chunks++;
            text += textOf(chunk.candidates?.[0]?.content?.parts);
            if (chunk.usageMetadata) usage = chunk.usageMetadata;
          }
          return { text, chunks, totalTokens: usage?.totalTokenCount };
        },
        close: () => transport.close(),
      };
    },
    '@gemgate/native-gemini': async ({ upstreamURL }) => {
      const gemini = createGemini({ apiKey, baseURL: `${upstreamURL}/gemini`, logger: silent, env: {} });
      return {
        once: async () => {
          const stream = gemini.models.generateContentStream({ model, contents, config });
          let chunks = 0;
          for await (const _chunk of stream) chunks++;
          const final = await stream.response;
          return { text: final.text, chunks, totalTokens: final.usage.totalTokens };
        },
        close: () => gemini.close(),
      };
    },
    '@google/genai': async ({ upstreamURL }) => {
      const ai = new GoogleGenAI({ apiKey, httpOptions: { baseUrl: `${upstreamURL}/gemini` } });
      return {
        once: async () => {
          const stream = await ai.models.generateContentStream({ model, contents, config });
          let text = '';
          let chunks = 0;
          let usage;
          for await (const chunk of stream) {
            chunks++;
            text += textOf(chunk.candidates?.[0]?.content?.parts);
            if (chunk.usageMetadata) usage = chunk.usageMetadata;
          }
          return { text, chunks, totalTokens: usage?.totalTokenCount };
        },
      };
    },
  },
  check(answer, driverName) {
    if (!(answer?.text?.length > 20) || !(answer.chunks > 5) || !(answer.totalTokens > 0)) {
      throw new Error(`${driverName}: unexpected answer ${JSON.stringify(answer)}`);
    }
  },
};
