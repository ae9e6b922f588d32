import { checkThinking, lookupModel, modelFamilies } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { thinkingErrorFor } from '../src/answer/thinking-error.js';
import { upstreamFamilies, upstreamModelOf } from '../src/upstream/upstream-rules.js';

/**
 * The mock keeps its own table of upstream rules (from Google's docs and the gateway's guide) so
 * that a wrong fact in core's catalog cannot pass every test by agreement. This test is where the
 * two meet: each fact is asked of both, and any difference is listed. Known differences are in
 * `expectedDisagreements`, each with the reason; a new one fails, and so does one that went away
 * (remove it from the list then).
 */

/** One id per family, plus a dotted 3.x id, so both tables are asked about the same models. */
const probeModels = [
  'gemini-4-argon',
  'gemini-3.8-flash',
  'gemini-3.7-flash',
  'gemini-3.6-flash',
  'gemini-3.5-flash-lite',
  'gemini-3-pro-preview',
  'gemini-3.1-pro-preview',
  'gemini-3-flash-preview',
  'gemini-2.5-pro',
  'gemini-2.5-flash',
  'gemini-2.5-flash-lite',
  'gemini-2.0-flash',
  'gemini-2.0-flash-lite',
  'gemini-embedding-001',
];
const probeBudgets = [-2, -1, 0, 1, 127, 128, 511, 512, 1024, 16_384, 24_576, 24_577, 32_768, 32_769];
const probeLevels = ['minimal', 'low', 'medium', 'high', 'xhigh', 'extreme'];
const probeEfforts = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'];

const expectedDisagreements: string[] = [
  // Google documents no budget range for Gemini 3 (budgets are accepted "for backwards
  // compatibility"); core invents 128..32768 for 3 Pro, so the mock accepts what core refuses.
  'gemini-3-pro-preview thinkingBudget 1: core rejects, mock accepts',
  'gemini-3-pro-preview thinkingBudget 127: core rejects, mock accepts',
  'gemini-3-pro-preview thinkingBudget 32769: core rejects, mock accepts',
  // Same for 3 Flash: core caps budgets at 24,576, which no Google page states for Gemini 3.
  // 3.6 Flash and 3.5 Flash-Lite share core's 3 Flash family, and so its cap.
  ...['gemini-3-flash-preview', 'gemini-3.6-flash', 'gemini-3.5-flash-lite'].flatMap((model) => [
    `${model} thinkingBudget 24577: core rejects, mock accepts`,
    `${model} thinkingBudget 32768: core rejects, mock accepts`,
    `${model} thinkingBudget 32769: core rejects, mock accepts`,
  ]),
];

type Verdict = 'accepts' | 'rejects';

function coreVerdict(model: string, thinking: Parameters<typeof checkThinking>[0]['thinking']): Verdict {
  const issues = checkThinking({ model, thinking });
  return issues.some((issue) => issue.severity === 'error') ? 'rejects' : 'accepts';
}

function mockVerdict(model: string, thinkingConfig: Record<string, unknown>): Verdict {
  return thinkingErrorFor({ model, thinkingConfig }) ? 'rejects' : 'accepts';
}

function listDisagreements(): string[] {
  const found: string[] = [];
  const differ = (subject: string, core: unknown, mock: unknown) => {
    const coreText = JSON.stringify(core);
    const mockText = JSON.stringify(mock);
    if (coreText !== mockText) found.push(`${subject}: core says ${coreText}, mock says ${mockText}`);
  };
  const coreFamilies = modelFamilies.map((family) => family.family).sort();
  const mockFamilies = upstreamFamilies.map((family) => family.family).sort();
  differ('families', coreFamilies, mockFamilies);

  for (const model of probeModels) {
    const core = lookupModel(model);
    const mock = upstreamModelOf(model);
    differ(`${model} family`, core?.family, mock?.family);
    if (!core || !mock) continue;
    differ(`${model} kind`, core.kind, mock.kind);
    differ(`${model} inputTokenLimit`, core.inputTokenLimit, mock.inputTokenLimit);
    differ(`${model} outputTokenLimit`, core.outputTokenLimit, mock.outputTokenLimit);
    differ(`${model} thinks`, core.thinking.supported, mock.thinking.thinks);
    if (core.thinking.supported) {
      differ(`${model} thinks by default`, core.thinking.defaultBudget !== 0, mock.thinking.thinksByDefault);
    }
    differ(
      `${model} thinkingLevel values`,
      [...core.thinking.levels].sort(),
      [...mock.thinking.levels].sort(),
    );
    for (const effort of probeEfforts) {
      differ(
        `${model} reasoning_effort ${effort} accepted`,
        core.thinking.reasoningEfforts.includes(effort as never),
        mock.thinking.reasoningEfforts.includes(effort),
      );
    }
    const verdicts = (label: string, thinking: Record<string, unknown>) => {
      const coreSays = coreVerdict(model, thinking);
      const mockSays = mockVerdict(model, thinking);
      if (coreSays !== mockSays) found.push(`${model} ${label}: core ${coreSays}, mock ${mockSays}`);
    };
    for (const budget of probeBudgets) verdicts(`thinkingBudget ${budget}`, { thinkingBudget: budget });
    for (const level of probeLevels) verdicts(`thinkingLevel ${level}`, { thinkingLevel: level });
    verdicts('includeThoughts alone', { includeThoughts: true });
    verdicts('thinkingBudget with thinkingLevel', { thinkingBudget: 1024, thinkingLevel: 'high' });
  }
  return found;
}

describe("the mock's upstream rules against core's catalog", () => {
  it('disagree only where expectedDisagreements says, and say why', () => {
    const found = listDisagreements();
    const unexpected = found.filter((line) => !expectedDisagreements.includes(line));
    const resolved = expectedDisagreements.filter((line) => !found.includes(line));
    const report = [
      ...unexpected.map(
        (line) => `new disagreement (check Google's docs, then fix core or the mock): ${line}`,
      ),
      ...resolved.map((line) => `no longer disagrees (remove from expectedDisagreements): ${line}`),
    ];
    expect(report).toEqual([]);
  });

  it('the mock itself refuses what Google documents as refused', () => {
    // Pinned here, not only through the comparison, so a change to both tables at once still fails.
    expect(mockVerdict('gemini-2.5-pro', { thinkingBudget: 0 })).toBe('rejects');
    expect(mockVerdict('gemini-2.5-pro', { thinkingBudget: 127 })).toBe('rejects');
    expect(mockVerdict('gemini-2.5-pro', { thinkingBudget: 32_768 })).toBe('accepts');
    expect(mockVerdict('gemini-2.5-flash', { thinkingBudget: 0 })).toBe('accepts');
    expect(mockVerdict('gemini-2.5-flash', { thinkingBudget: 24_577 })).toBe('rejects');
    expect(mockVerdict('gemini-2.5-flash-lite', { thinkingBudget: 511 })).toBe('rejects');
    expect(mockVerdict('gemini-2.5-flash-lite', { thinkingBudget: 0 })).toBe('accepts');
    expect(mockVerdict('gemini-2.5-flash-lite', { thinkingBudget: -1 })).toBe('accepts');
    expect(mockVerdict('gemini-3-pro-preview', { thinkingLevel: 'medium' })).toBe('rejects');
    expect(mockVerdict('gemini-3-flash-preview', { thinkingLevel: 'minimal' })).toBe('accepts');
    expect(mockVerdict('gemini-2.0-flash', { thinkingBudget: 1024 })).toBe('rejects');
    expect(mockVerdict('gemini-3.8-flash', { thinkingLevel: 'minimal' })).toBe('rejects');
    expect(mockVerdict('gemini-3.8-flash', { thinkingLevel: 'medium' })).toBe('accepts');
    expect(mockVerdict('gemini-3.1-pro-preview', { thinkingLevel: 'medium' })).toBe('accepts');
    expect(mockVerdict('gemini-4-argon', { thinkingLevel: 'xhigh' })).toBe('accepts');
    expect(mockVerdict('gemini-4-argon', { thinkingBudget: 1024 })).toBe('rejects');
    expect(mockVerdict('gemini-3-pro-preview', { thinkingLevel: 'xhigh' })).toBe('rejects');
  });
});
