// Row (a): CPU per JSON request through @gemgate/core-transport against the floor,
// raw `undici.request`, both to the same local server answering a fixed small JSON.
import { createTransport } from '@gemgate/core-transport';
import { Agent, request } from 'undici';

const payload = { contents: [{ role: 'user', parts: [{ text: 'ping' }] }] };
const path = '/gemini/v1beta/models/gemini-2.5-flash:generateContent';
const apiKey = 'sk-bench-not-a-real-key';

export default {
  name: 'transport-json',
  description: 'One small JSON POST and its parsed answer, keep-alive, one request at a time.',
  baseline: 'undici.request',
  targets: { '@gemgate/core-transport': 1.15 },
  iterations: 5000,
  warmup: 1000,
  repeats: 5,
  upstream: 'raw-http',
  drivers: {
    'undici.request': async ({ upstreamURL }) => {
      // The floor: what anyone would write by hand with undici and a keep-alive agent.
      const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
      const url = `${upstreamURL}${path}`;
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
          return response.body.json();
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
            path: 'v1beta/models/gemini-2.5-flash:generateContent',
            body: payload,
          });
          return response.kind === 'json' ? response.body : undefined;
        },
        close: () => transport.close(),
      };
    },
  },
  check(answer) {
    if (answer?.candidates?.[0]?.content?.parts?.[0]?.text !== 'pong') {
      throw new Error(`Unexpected answer: ${JSON.stringify(answer)}`);
    }
  },
};
