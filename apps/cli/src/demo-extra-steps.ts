import { createGemini } from '@gemgate/native-gemini';
import { createOpenAICompat } from '@gemgate/openai-compat';
import { defineTool, runTools } from '@gemgate/tools';
import type { DemoStep } from './commands/demo.js';

const getWeather = defineTool({
  name: 'get_weather',
  description: 'The current weather in a city.',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  execute: ({ city }) => ({ city: String(city), celsius: 21 }),
});
const silent = { debug: () => {}, warn: () => {} };

/**
 * The tour's steps beyond the packages' examples: thinking with thoughts on the native route,
 * and the tool loop of `@gemgate/tools` on both routes.
 */
export const demoExtraSteps: DemoStep[] = [
  {
    name: 'native-thoughts',
    title: 'Thinking with thought summaries shown (includeThoughts)',
    route: 'native',
    async run({ baseURL, apiKey, log }) {
      const gemini = createGemini({ apiKey, baseURL, logger: silent });
      try {
        const response = await gemini.models.generateContent({
          model: 'gemini-2.5-flash',
          contents: 'Is 1001 a prime number?',
          config: { thinkingConfig: { thinkingBudget: 1024, includeThoughts: true } },
        });
        log(`thoughts: ${response.thoughts.slice(0, 120) || '(none)'}`);
        log(`answer: ${response.text.slice(0, 120)}`);
        log(
          `thinking tokens: ${response.usage.reasoningTokens} of ${response.usage.outputTokens} output tokens`,
        );
      } finally {
        await gemini.close();
      }
    },
  },
  ...(['native', 'openai'] as const).map(
    (route): DemoStep => ({
      name: `tool-loop-${route}`,
      title: `The tool loop with @gemgate/tools (${route === 'native' ? 'native' : 'OpenAI-compatible'} route)`,
      route,
      async run({ baseURL, apiKey, log }) {
        const client =
          route === 'native'
            ? createGemini({ apiKey, baseURL, logger: silent })
            : createOpenAICompat({ apiKey, baseURL });
        try {
          const result = await runTools({
            client,
            model: 'gemini-2.5-flash',
            input: 'Use get_weather: is it warm in Paris?',
            tools: [getWeather],
            onStep: (step) => {
              for (const call of step.toolCalls) log(`→ ${call.name}(${JSON.stringify(call.arguments)})`);
            },
          });
          log(`answer after ${result.steps.length} step(s): ${result.text.slice(0, 120)}`);
          log(`usage: ${result.usage.inputTokens} in, ${result.usage.outputTokens} out`);
        } finally {
          await client.close();
        }
      },
    }),
  ),
];
