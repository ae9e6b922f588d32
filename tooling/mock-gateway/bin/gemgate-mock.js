#!/usr/bin/env node
// The `gemgate-mock` command. This file is plain, committed JavaScript because pnpm links a
// bin when it installs, before anything is built: a bin pointing into `dist/` made every fresh
// `pnpm install` warn "Failed to create bin". In the workspace (where the devDependency `tsx`
// is installed) it runs the TypeScript source, so it is never stale and needs no build; an
// installed copy of the package, without devDependencies, runs the built `dist/bin.js`.
import { existsSync } from 'node:fs';

let tsx;
try {
  tsx = await import('tsx/esm/api');
} catch {
  tsx = undefined;
}
if (tsx) {
  tsx.register();
  await import('../src/bin.ts');
} else if (existsSync(new URL('../dist/bin.js', import.meta.url))) {
  await import('../dist/bin.js');
} else {
  console.error(
    'gemgate-mock: dist/bin.js is missing: run `pnpm --filter @gemgate/mock-gateway build` first.',
  );
  process.exit(1);
}
