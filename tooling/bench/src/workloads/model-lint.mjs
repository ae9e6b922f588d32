// Row: what adjusting a request under `lint: { fix: true }` (issue 14) costs per call: one
// generateContent through @gemgate/native-gemini on gemini-2.0-flash with maxOutputTokens above
// its limit, clamped with a warning (a copy of generationConfig, the warn-once logger), against
// the same call with nothing to adjust (the linter runs on both). Same model on both sides, so
// the mock answers alike: an id the catalog does not know is not a fair baseline, the mock
// answers known families with more fields (safety ratings), which the client then parses.
// The linter's own cost, measured in-process, is about 0.3 µs per call (issue 14's report).
// Target ≤ 1.03× CPU.
import { createGemini } from '@gemgate/native-gemini';

const apiKey = 'sk-bench-not-a-real-key';
const contents = [{ role: 'user', parts: [{ text: "How do I know I'm not wasting time?" }] }];
const silent = { debug: () => {}, warn: () => {} };

function driver({ model, config, lint }) {
  return async ({ upstreamURL }) => {
    const gemini = createGemini({ apiKey, baseURL: `${upstreamURL}/gemini`, logger: silent, env: {}, lint });
    return {
      once: async () => {
        const response = await gemini.models.generateContent({ model, contents, config });
        return { text: response.text, totalTokens: response.usage.totalTokens };
      },
      close: () => gemini.close(),
    };
  };
}

// 8192 is gemini-2.0-flash's output limit: what the adjusted request sends too, so both bodies match.
const config = { maxOutputTokens: 8192, temperature: 0.5 };

export default {
  name: 'model-lint',
  description: 'One generateContent adjusted under lint.fix, against the same call with nothing to adjust.',
  baseline: 'linted, nothing to adjust',
  targets: { 'lint.fix adjusting': 1.03 },
  iterations: 2000,
  warmup: 300,
  repeats: 5,
  upstream: 'mock-gateway',
  drivers: {
    'linted, nothing to adjust': driver({ model: 'gemini-2.0-flash', config }),
    'lint.fix adjusting': driver({
      model: 'gemini-2.0-flash',
      config: { ...config, maxOutputTokens: 100_000 },
      lint: { fix: true },
    }),
  },
  check(answer, driverName) {
    if (!(answer?.text?.length > 20) || !(answer.totalTokens > 0)) {
      throw new Error(`${driverName}: unexpected answer ${JSON.stringify(answer)}`);
    }
  },
};
