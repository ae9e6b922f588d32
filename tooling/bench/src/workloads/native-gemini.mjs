// Row: CPU per `generateContent` over the native route, through @gemgate/native-gemini, the
// official @google/genai and raw `undici.request`, all against the mock gateway. Every driver
// sends the same request body and reads the answer's text and total token count.

import { createGemini } from '@gemgate/native-gemini';
import { GoogleGenAI } from '@google/genai';
import { Agent, request } from 'undici';

const apiKey = 'sk-bench-not-a-real-key';
const model = 'gemini-2.5-flash';
const contents = [{ role: 'user', parts: [{ text: "How do I know I'm not wasting time?" }] }];
const silent = { debug: () => {}, warn: () => {} };

export default {
  name: 'native-gemini',
  description: 'One generateContent call: request validated, answer parsed, text and usage read.',
  baseline: 'raw undici',
  targets: { '@gemgate/native-gemini': 1.15 },
  iterations: 2000,
  warmup: 300,
  repeats: 5,
  upstream: 'mock-gateway',
  drivers: {
    'raw undici': async ({ upstreamURL }) => {
      // The floor: a keep-alive agent, JSON.stringify, body.json(), no validation.
      const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
      const url = `${upstreamURL}/gemini/v1beta/models/${model}:generateContent`;
      const headers = { 'content-type': 'application/json', 'x-goog-api-key': apiKey };
      return {
        once: async () => {
          const response = await request(url, {
            method: 'POST',
            headers,
            body: JSON.stringify({ contents }),
            dispatcher,
          });
          if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
          const body = await response.body.json();
          const text = body.candidates[0].content.parts
            .map((part) => (part.thought ? '' : (part.text ?? '')))
            .join('');
          return { text, totalTokens: body.usageMetadata.totalTokenCount };
        },
        close: () => dispatcher.close(),
      };
    },
    '@gemgate/native-gemini': async ({ upstreamURL }) => {
      const gemini = createGemini({ apiKey, baseURL: `${upstreamURL}/gemini`, logger: silent, env: {} });
      return {
        once: async () => {
          const response = await gemini.models.generateContent({ model, contents });
          return { text: response.text, totalTokens: response.usage.totalTokens };
        },
        close: () => gemini.close(),
      };
    },
    '@google/genai': async ({ upstreamURL }) => {
      const ai = new GoogleGenAI({ apiKey, httpOptions: { baseUrl: `${upstreamURL}/gemini` } });
      return {
        once: async () => {
          const response = await ai.models.generateContent({ model, contents });
          return { text: response.text, totalTokens: response.usageMetadata?.totalTokenCount };
        },
      };
    },
  },
  check(answer, driverName) {
    if (!(answer?.text?.length > 20) || !(answer.totalTokens > 0)) {
      throw new Error(`${driverName}: unexpected answer ${JSON.stringify(answer)}`);
    }
  },
};
