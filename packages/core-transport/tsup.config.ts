import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'json-schema': 'src/json-schema/index.ts',
    wire: 'src/wire/index.ts',
    internal: 'src/internal.ts',
  },
  format: ['esm'],
  target: 'node20',
  dts: { compilerOptions: { customConditions: [] } },
  sourcemap: true,
  clean: true,
  treeshake: true,
});
