import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMemoryTable, renderTable } from './render-table.mjs';

const biome = fileURLToPath(new URL('../../../node_modules/.bin/biome', import.meta.url));
const row = (overrides) => ({
  workload: 'w',
  driver: 'd',
  cpuMicrosecondsPerOp: 12.345,
  wallMicrosecondsPerOp: 1234.5,
  ratio: 1,
  isBaseline: false,
  measuredAt: '2026-01-01 00:00',
  ...overrides,
});

describe('renderTable', () => {
  const table = `# gemgate benchmarks\n\n${renderTable({
    rows: [
      row({ driver: 'undici.request', isBaseline: true }),
      row({ driver: '@gemgate/core-transport', ratio: 1.2, target: 1.15 }),
      row({ workload: 'sse-decode-ascii', driver: 'decodeSse', ratio: 0.5, target: 1 }),
    ],
    date: new Date('2026-01-01T00:00:00Z'),
  })}`;

  it('marks the baseline and each target as met or missed', () => {
    expect(table).toContain('| undici.request (baseline)');
    expect(table).toMatch(/1\.20× \| ≤ 1\.15× MISSED \|/);
    expect(table).toMatch(/0\.50× \| ≤ 1\.00× met +\|/);
  });

  it('is already formatted the way biome formats markdown, so a bench run keeps `biome check` green', () => {
    const formatted = execFileSync(biome, ['format', '--stdin-file-path=latest.md'], {
      input: table,
      encoding: 'utf8',
    });
    expect(formatted).toBe(table);
  });
});

describe('renderMemoryTable', () => {
  const memoryRow = (overrides) => ({
    route: 'native',
    mode: '@gemgate/media',
    peakAddedMiB: 18.2,
    peakToFile: 1.27,
    cpuMs: 84.6,
    cpuToFloor: 0.64,
    ...overrides,
  });
  const table = `# gemgate benchmarks\n\n${renderMemoryTable({
    rows: [
      memoryRow({
        mode: 'undici.request + toString(base64)',
        peakAddedMiB: 87.1,
        peakToFile: 6.09,
        cpuToFloor: 1,
      }),
      memoryRow({}),
      memoryRow({ route: 'openai', peakAddedMiB: 30, peakToFile: 2.1 }),
    ],
    fileMegabytes: 15,
    repeats: 9,
    measuredAt: '2026-01-01 00:00',
  })}`;

  it('marks the media rows against both targets, and only them', () => {
    expect(table).toMatch(
      /\| native +\| @gemgate\/media +\| +18\.2 \| +1\.27× \| +0\.64× \| ≤ 1\.50× file, ≤ 1\.20× CPU met +\|/,
    );
    expect(table).toMatch(/\| openai +\| @gemgate\/media +\| +30\.0 \| +2\.10× .*MISSED/);
    expect(table).toMatch(/toString\(base64\) +\| +87\.1 \| +6\.09× \| +1\.00× \| +\| 2026/);
  });

  it('is already formatted the way biome formats markdown', () => {
    const formatted = execFileSync(biome, ['format', '--stdin-file-path=latest.md'], {
      input: table,
      encoding: 'utf8',
    });
    expect(formatted).toBe(table);
  });
});
