import { defineGemgateConfig } from '@gemgate/vitest-preset';

// Packing and an npm install take tens of seconds, once, in `beforeAll`.
export default defineGemgateConfig({ test: { hookTimeout: 120_000, testTimeout: 60_000 } });
