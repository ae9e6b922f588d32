// Shared vitest configuration for every workspace package.
// Workspace packages resolve to their TypeScript sources (the `gemgate-source` export
// condition), so tests never need a build first; published consumers get `dist/`.
import { defineConfig, mergeConfig } from 'vitest/config';

/** @param {import('vitest/config').ViteUserConfig} [overrides] */
export function defineGemgateConfig(overrides = {}) {
  return mergeConfig(
    defineConfig({
      resolve: { conditions: ['gemgate-source', 'module', 'node', 'import', 'default'] },
      ssr: {
        resolve: {
          conditions: ['gemgate-source', 'module', 'node', 'import', 'default'],
          externalConditions: ['gemgate-source'],
        },
      },
      test: {
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        testTimeout: 20_000,
        hookTimeout: 20_000,
        reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
        restoreMocks: true,
      },
    }),
    overrides,
  );
}
