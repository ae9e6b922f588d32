#!/usr/bin/env node
// The `gemgate` command. This file is plain, committed JavaScript because pnpm links a bin when
// it installs, before anything is built. In the workspace (where the devDependency `tsx` is
// installed) it runs the TypeScript sources, workspace packages included (through the
// `gemgate-source` export condition), so it is never stale and needs no build; anywhere else
// it runs the built `dist/main.js`.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const source = new URL('../src/main.ts', import.meta.url);
let tsx;
if (existsSync(source)) {
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    tsx = undefined;
  }
}
if (tsx) {
  tsx.register();
  // Registered after tsx so it runs first: every import of a workspace package then resolves
  // to its sources, as in the tests and the demo.
  register('./source-condition-hook.js', import.meta.url);
  await import(source.href);
} else if (existsSync(new URL('../dist/main.js', import.meta.url))) {
  await import('../dist/main.js');
} else {
  console.error('gemgate: dist/main.js is missing: run `pnpm --filter @gemgate/cli build` first.');
  process.exit(1);
}
