// Sums the vitest JSON reports of every workspace package into one closing line
// ("tests: N passed, N failed"), so CI sees the whole suite's count in one place.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
const packagesWithoutTests = [];
for (const group of ['packages', 'apps', 'tooling']) {
  const groupDirectory = join(root, group);
  if (!existsSync(groupDirectory)) continue;
  for (const name of readdirSync(groupDirectory)) {
    const packageDirectory = join(groupDirectory, name);
    const manifestPath = join(packageDirectory, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (!manifest.scripts?.test) continue;
    const reportPath = join(packageDirectory, '.vitest-report.json');
    if (!existsSync(reportPath)) {
      packagesWithoutTests.push(manifest.name);
      continue;
    }
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
}
if (packagesWithoutTests.length > 0) {
  console.error(`no vitest report from: ${packagesWithoutTests.join(', ')}`);
  failed += packagesWithoutTests.length;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
// A skipped test in CI is a test that silently did not run: fail loudly instead.
if (process.env.CI && skipped > 0) console.error('skipped tests are not allowed in CI');
process.exit(failed > 0 || (process.env.CI && skipped > 0) ? 1 : 0);
