// Row: CPU per three-step tool loop (two parallel calls, one call their result asks for, then
// the final answer) on the native route against the mock gateway, through @gemgate/tools'
// `runTools` and through the same loop written by hand on the client's tool-loop adapter, so
// the row shows what `runTools` adds (argument checks, concurrency, step records) over the three
// model calls themselves. JSON Schema parameters: zod is not a dependency of the bench.

import { toolLoopAdapterOf } from '@gemgate/core-transport';
import { createGemini } from '@gemgate/native-gemini';
import { defineTool, runTools } from '@gemgate/tools';

const apiKey = 'sk-bench-not-a-real-key';
const model = 'gemini-2.5-flash';
const input = 'Use get_weather and get_time for Paris, then decide.';
const silent = { debug: () => {}, warn: () => {} };

const outputs = {
  get_weather: { celsius: 21, advice: 'call book_table for a terrace' },
  get_time: { time: '19:30' },
  book_table: { booked: true },
};

const city = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
const people = { type: 'object', properties: { people: { type: 'integer' } }, required: ['people'] };
const tools = [
  defineTool({ name: 'get_weather', parameters: city, execute: () => outputs.get_weather }),
  defineTool({ name: 'get_time', parameters: city, execute: () => outputs.get_time }),
  defineTool({ name: 'book_table', parameters: people, execute: () => outputs.book_table }),
];
const declarations = tools.map((tool) => tool.declaration);

export default {
  name: 'tools-loop',
  description:
    'A three-step tool loop with two parallel calls (native route), runTools against a hand-written loop.',
  baseline: 'hand-written loop',
  targets: { '@gemgate/tools runTools': 1.1 },
  iterations: 300,
  warmup: 50,
  repeats: 5,
  upstream: 'mock-gateway',
  drivers: {
    'hand-written loop': async ({ upstreamURL }) => {
      // The floor: the adapter driven directly, no argument checks, calls run in parallel.
      const gemini = createGemini({ apiKey, baseURL: `${upstreamURL}/gemini`, logger: silent, env: {} });
      const adapter = toolLoopAdapterOf({ client: gemini, model });
      return {
        once: async () => {
          let history = adapter.initialHistory({ input });
          let totalTokens = 0;
          for (let step = 0; step < 10; step++) {
            const turn = await adapter.send({ history, tools: declarations });
            totalTokens += turn.usage.totalTokens;
            if (turn.toolCalls.length === 0) return { text: turn.text, steps: step + 1, totalTokens };
            const results = await Promise.all(
              turn.toolCalls.map(async (call) => ({
                callId: call.id,
                name: call.name,
                output: outputs[call.name],
              })),
            );
            history = adapter.withToolResults({ history, turn, results });
          }
          throw new Error('the loop did not end');
        },
        close: () => gemini.close(),
      };
    },
    '@gemgate/tools runTools': async ({ upstreamURL }) => {
      const gemini = createGemini({ apiKey, baseURL: `${upstreamURL}/gemini`, logger: silent, env: {} });
      return {
        once: async () => {
          const result = await runTools({ client: gemini, model, input, tools });
          return { text: result.text, steps: result.steps.length, totalTokens: result.usage.totalTokens };
        },
        close: () => gemini.close(),
      };
    },
  },
  check(answer, driverName) {
    if (
      answer?.steps !== 3 ||
      !answer.text.startsWith('Based on the result, book_table') ||
      !(answer.totalTokens > 0)
    ) {
      throw new Error(`${driverName}: unexpected answer ${JSON.stringify(answer)}`);
    }
  },
};
