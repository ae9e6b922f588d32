import type { ViteUserConfig } from 'vitest/config';
export declare function defineGemgateConfig(overrides?: ViteUserConfig): ViteUserConfig;
