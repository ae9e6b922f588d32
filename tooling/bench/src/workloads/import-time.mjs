// Row: the time to import each client in a fresh process (what a CLI or a serverless cold start
// pays before the first call), against @google/genai measured in the same run. Target: each
// gemgate client imports no slower than @google/genai.
export default {
  name: 'import-time',
  kind: 'import',
  description: 'One `import` of the package in a fresh Node process: CPU and wall time.',
  baseline: '@google/genai',
  targets: { '@gemgate/native-gemini': 1, '@gemgate/openai-compat': 1 },
  modules: {
    '@google/genai': '@google/genai',
    openai: 'openai',
    '@gemgate/native-gemini': '@gemgate/native-gemini',
    '@gemgate/openai-compat': '@gemgate/openai-compat',
  },
  repeats: 11,
  upstream: 'none',
};
