// Row: CPU per streamed chat completion over the OpenAI route (divide by `chunks` in the
// answer for CPU per chunk), through @gemgate/openai-compat, the `openai` package and raw
// `undici.request` with a hand-written SSE split. Same request bytes for every driver, so the
// mock gateway streams the same chunks to each; every driver assembles the text and reads the
// final usage.
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
// Key order is the order gemgate's validation writes (stream before reasoning_effort, then the
// stream_options it adds), so every driver's request body is byte-identical.
const params = {
  model: 'gemini-2.5-flash',
  messages: [{ role: 'user', content: 'How is the "Rule of 72" derived in the financial world?' }],
  stream: true,
  reasoning_effort: 'high',
};
const wireParams = { ...params, stream_options: { include_usage: true } };

export default {
  name: 'openai-compat-stream',
  description: 'One streamed chat completion: every chunk decoded, text assembled, final usage read.',
  baseline: 'raw undici',
  targets: { '@gemgate/openai-compat': 1.3 },
  iterations: 1000,
  warmup: 200,
  repeats: 5,
  upstream: 'mock-gateway',
  drivers: {
    'raw undici': async ({ upstreamURL }) => {
      // The floor: split the body on blank lines, JSON.parse each `data:` line, stop at [DONE].
      const dispatcher = keepAliveAgent();
      const url = `${upstreamURL}/v1/chat/completions`;
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` };
      const body = JSON.stringify(wireParams);
      return {
        once: async () => {
          const response = await request(url, { method: 'POST', headers, body, dispatcher });
          if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
          response.body.setEncoding('utf8');
          let buffer = '';
          let text = '';
          let reasoning = '';
          let chunks = 0;
          let usage;
          for await (const piece of response.body) {
            buffer += piece;
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              const event = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              end = buffer.indexOf('\n\n');
              // The gateway sends `: PROCESSING` comment lines before the first data line.
              const dataStart = event.indexOf('data:');
              if (dataStart === -1) continue;
              const data = event
                .slice(dataStart)
                .replace(/^data: ?/, '')
                .replace(/\r$/, '');
              if (data === '[DONE]' || data === '') continue;
              const chunk = JSON.parse(data);
              chunks++;
              const delta = chunk.choices[0]?.delta;
              if (delta?.content) text += delta.content;
              if (delta?.reasoning_content) reasoning += delta.reasoning_content;
              if (chunk.usage) usage = chunk.usage;
            }
          }
          return { text, reasoning: reasoning.length, chunks, outputTokens: usage?.completion_tokens };
        },
        close: () => dispatcher.close(),
      };
    },
    '@gemgate/openai-compat': async ({ upstreamURL }) => {
      const dispatcher = keepAliveAgent();
      const client = createOpenAICompat({ apiKey, baseURL: `${upstreamURL}/v1`, dispatcher });
      return {
        once: async () => {
          const stream = await client.chat.completions.create(params);
          let chunks = 0;
          for await (const _chunk of stream) chunks++;
          const completion = await stream.finalCompletion();
          return {
            text: completion.text,
            reasoning: completion.reasoning?.length ?? 0,
            chunks,
            outputTokens: completion.usage?.outputTokens,
          };
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
          const stream = await client.chat.completions.create(wireParams);
          let text = '';
          let reasoning = '';
          let chunks = 0;
          let usage;
          for await (const chunk of stream) {
            chunks++;
            const delta = chunk.choices[0]?.delta;
            if (delta?.content) text += delta.content;
            if (delta?.reasoning_content) reasoning += delta.reasoning_content;
            if (chunk.usage) usage = chunk.usage;
          }
          return { text, reasoning: reasoning.length, chunks, outputTokens: usage?.completion_tokens };
        },
        close: () => dispatcher.close(),
      };
    },
  },
  check(answer, driverName) {
    if (
      !(answer?.text?.length > 20) ||
      !(answer.reasoning > 0) ||
      !(answer.chunks > 5) ||
      !(answer.outputTokens > 0)
    ) {
      throw new Error(`${driverName}: unexpected answer ${JSON.stringify(answer)}`);
    }
  },
};
