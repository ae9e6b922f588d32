// Row: CPU per non-streamed chat completion over the OpenAI route, through
// @gemgate/openai-compat, the `openai` package and raw `undici.request`, all sending the same
// bytes to the mock gateway (so it gives every driver the same answer) and reading the same
// fields of the answer: text and token counts.
import { createOpenAICompat } from '@gemgate/openai-compat';
import OpenAI from 'openai';
import { Agent, request } from 'undici';

const apiKey = 'sk-bench-not-a-real-key';

/**
 * One keep-alive agent per driver, the same for all three. The mock gateway answers
 * `Keep-Alive: timeout=1`, which undici's default 1 s safety threshold turns into "close after
 * every request"; a 100 ms threshold keeps the connection, so the rows measure the clients
 * rather than TCP connects.
 */
function keepAliveAgent() {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveTimeoutThreshold: 100 });
}
// Key order matches what each client sends, so every driver's request body is byte-identical.
const params = {
  model: 'gemini-2.0-flash',
  messages: [
    { role: 'user', content: 'Explain the Occam’s Razor concept and provide everyday examples of it' },
  ],
};

export default {
  name: 'openai-compat',
  description: 'One non-streamed chat completion and its text and usage, keep-alive, one at a time.',
  baseline: 'raw undici',
  targets: { '@gemgate/openai-compat': 1.15 },
  iterations: 2000,
  warmup: 300,
  repeats: 5,
  upstream: 'mock-gateway',
  drivers: {
    'raw undici': async ({ upstreamURL }) => {
      // The floor: a hand-written POST with a keep-alive agent and JSON.parse of the answer.
      const dispatcher = keepAliveAgent();
      const url = `${upstreamURL}/v1/chat/completions`;
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` };
      return {
        once: async () => {
          const response = await request(url, {
            method: 'POST',
            headers,
            body: JSON.stringify(params),
            dispatcher,
          });
          if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
          const completion = await response.body.json();
          return { text: completion.choices[0].message.content, inputTokens: completion.usage.prompt_tokens };
        },
        close: () => dispatcher.close(),
      };
    },
    '@gemgate/openai-compat': async ({ upstreamURL }) => {
      const dispatcher = keepAliveAgent();
      const client = createOpenAICompat({ apiKey, baseURL: `${upstreamURL}/v1`, dispatcher });
      return {
        once: async () => {
          const completion = await client.chat.completions.create(params);
          return { text: completion.text, inputTokens: completion.usage.inputTokens };
        },
        close: async () => {
          await client.close();
          await dispatcher.close();
        },
      };
    },
    openai: async ({ upstreamURL }) => {
      const dispatcher = keepAliveAgent();
      // openai uses fetch; Node's fetch takes an undici dispatcher through fetchOptions.
      const client = new OpenAI({ apiKey, baseURL: `${upstreamURL}/v1`, fetchOptions: { dispatcher } });
      return {
        once: async () => {
          const completion = await client.chat.completions.create(params);
          return { text: completion.choices[0].message.content, inputTokens: completion.usage.prompt_tokens };
        },
        close: () => dispatcher.close(),
      };
    },
  },
  check(answer, driverName) {
    if (typeof answer?.text !== 'string' || answer.text.length < 20 || !(answer.inputTokens > 0)) {
      throw new Error(`${driverName}: unexpected answer ${JSON.stringify(answer)}`);
    }
  },
};
