import { defineGemgateConfig } from '@gemgate/vitest-preset';

export default defineGemgateConfig();
