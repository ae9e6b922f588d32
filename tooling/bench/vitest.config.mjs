import { defineGemgateConfig } from '@gemgate/vitest-preset';

export default defineGemgateConfig({ test: { include: ['src/**/*.test.mjs'], testTimeout: 60_000 } });
