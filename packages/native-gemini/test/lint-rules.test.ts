import { InvalidArgumentError } from '@gemgate/core-transport';
import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGemini, type Gemini, type GeminiOptions } from '../src/create-gemini.js';
import type { GenerateContentConfig } from '../src/index.js';

const apiKey = 'sk-lint-rules-key-0123456789';
let gateway: MockGateway;
const clients: Gemini[] = [];

beforeAll(async () => {
  gateway = await startMockGateway({ apiKeys: [apiKey] });
});
beforeEach(() => {
  gateway.requests.length = 0;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await gateway.close();
});

function client(options: GeminiOptions = {}): { gemini: Gemini; warnings: string[] } {
  const warnings: string[] = [];
  const gemini = createGemini({
    apiKey,
    baseURL: gateway.nativeBaseURL,
    env: {},
    logger: { debug: () => {}, warn: (message) => warnings.push(message) },
    ...options,
  });
  clients.push(gemini);
  return { gemini, warnings };
}

async function refusal(run: Promise<unknown>): Promise<InvalidArgumentError> {
  try {
    await run;
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

const sentBody = () => gateway.requests.at(-1)?.body as { generationConfig?: Record<string, any> };

/** Each rule: the request refused before sending, then with lint.fix the adjusted request the mock received. */
const fixableRules: {
  rule: string;
  model: string;
  config: GenerateContentConfig;
  argument: string;
  sent: (generationConfig: Record<string, any>) => void;
}[] = [
  {
    rule: 'minimal refused on 3.8 Flash',
    model: 'gemini-3.8-flash',
    config: { thinkingConfig: { thinkingLevel: 'minimal' as never } },
    argument: 'config.thinkingConfig.thinkingLevel',
    sent: (config) => expect(config.thinkingConfig).toEqual({ thinkingLevel: 'low' }),
  },
  {
    rule: 'medium refused on 3 Pro',
    model: 'gemini-3-pro-preview',
    config: { thinkingConfig: { thinkingLevel: 'medium' as never } },
    argument: 'config.thinkingConfig.thinkingLevel',
    sent: (config) => expect(config.thinkingConfig).toEqual({ thinkingLevel: 'high' }),
  },
  {
    rule: 'xhigh refused on 3.1 Pro',
    model: 'gemini-3.1-pro-preview',
    config: { thinkingConfig: { thinkingLevel: 'xhigh' as never } },
    argument: 'config.thinkingConfig.thinkingLevel',
    sent: (config) => expect(config.thinkingConfig).toEqual({ thinkingLevel: 'high' }),
  },
  {
    rule: 'thinkingBudget refused on Gemini 4',
    model: 'gemini-4-argon',
    config: { thinkingConfig: { thinkingBudget: 2048 } },
    argument: 'config.thinkingConfig.thinkingBudget',
    sent: (config) => expect(config.thinkingConfig).toEqual({}),
  },
  {
    rule: 'maxOutputTokens above the limit',
    model: 'gemini-3.8-flash',
    config: { maxOutputTokens: 200_000 },
    argument: 'config.maxOutputTokens',
    sent: (config) => expect(config.maxOutputTokens).toBe(65_536),
  },
  {
    rule: 'ULTRA_HIGH request-wide',
    model: 'gemini-3.8-flash',
    config: { mediaResolution: 'MEDIA_RESOLUTION_ULTRA_HIGH' as never },
    argument: 'config.mediaResolution',
    sent: (config) => expect(config.mediaResolution).toBeUndefined(),
  },
];

describe('the request linter on the native route', () => {
  it.each(fixableRules)(
    '$rule: refused before sending, naming the model',
    async ({ model, config, argument }) => {
      const { gemini } = client();
      const error = await refusal(gemini.models.generateContent({ model, contents: 'Hi', config }));
      expect(error.argument).toBe(argument);
      expect(error.message).toContain(model);
      expect(error.message).toContain('lint: { fix: true }');
      expect(gateway.requests).toHaveLength(0);
    },
  );

  it.each(fixableRules)('$rule: adjusted with a warning under lint.fix', async ({ model, config, sent }) => {
    const { gemini, warnings } = client({ lint: { fix: true } });
    const given = structuredClone(config);
    await gemini.models.generateContent({ model, contents: 'Hi', config });
    expect(gateway.requests).toHaveLength(1);
    sent(sentBody().generationConfig ?? {});
    expect(warnings.some((warning) => warning.includes('Adjusted (lint.fix)'))).toBe(true);
    expect(config).toEqual(given);
  });

  it('refuses an explicit cache on Gemini 4, even under lint.fix', async () => {
    for (const lint of [undefined, { fix: true }]) {
      const { gemini } = client({ lint });
      const error = await refusal(
        gemini.models.generateContent({
          model: 'gemini-4-argon',
          contents: 'Hi',
          config: { cachedContent: 'cachedContents/abc' },
        }),
      );
      expect(error.argument).toBe('config.cachedContent');
    }
    expect(gateway.requests).toHaveLength(0);
  });

  it('refuses per-part mediaResolution before Gemini 3', async () => {
    const { gemini } = client();
    const error = await refusal(
      gemini.models.generateContent({
        model: 'gemini-2.0-flash',
        contents: [
          {
            role: 'user',
            parts: [
              {
                inlineData: { mimeType: 'image/png', data: 'AAAA' },
                mediaResolution: { level: 'MEDIA_RESOLUTION_HIGH' },
              } as never,
            ],
          },
        ],
      }),
    );
    expect(error.argument).toBe('contents[].parts[].mediaResolution');
    expect(gateway.requests).toHaveLength(0);
  });

  it('warns on sampling parameters, candidates and a prefilled turn on Gemini 3+, and sends them', async () => {
    const { gemini, warnings } = client();
    await gemini.models.generateContent({
      model: 'gemini-3.8-flash',
      contents: [
        { role: 'user', parts: [{ text: 'Hi' }] },
        { role: 'model', parts: [{ text: 'Well,' }] },
      ],
      config: { temperature: 0.3, candidateCount: 2 },
    });
    expect(sentBody().generationConfig).toMatchObject({ temperature: 0.3, candidateCount: 2 });
    expect(warnings).toEqual([
      expect.stringContaining('temperature'),
      expect.stringContaining('one candidate'),
      expect.stringContaining('prefilled model turn'),
    ]);
  });

  it('removes sampling parameters under lint.fix', async () => {
    const { gemini } = client({ lint: { fix: true } });
    await gemini.models.generateContent({
      model: 'gemini-4-argon',
      contents: 'Hi',
      config: { temperature: 0.3 },
    });
    expect(sentBody().generationConfig?.temperature).toBeUndefined();
  });

  it('reports a retired id, and sends it as given', async () => {
    const { gemini, warnings } = client({ lint: { fix: true } });
    await gemini.models.generateContent({ model: 'gemini-3.5-flash', contents: 'Hi' });
    expect(gateway.requests.at(-1)?.path).toContain('models/gemini-3.5-flash:generateContent');
    expect(warnings).toEqual([expect.stringContaining('Google answers it with gemini-3.6-flash')]);
  });

  it('accepts a 2.5 id (the guide examples) with one deprecation note per client', async () => {
    const { gemini, warnings } = client();
    for (let round = 0; round < 3; round += 1) {
      await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' });
    }
    expect(gateway.requests).toHaveLength(3);
    expect(warnings).toEqual([expect.stringContaining('Google has retired the Gemini 2.5 models')]);
  });

  it('sends unknown models unchecked', async () => {
    const { gemini, warnings } = client();
    await gemini.models.generateContent({
      model: 'gemini-3.8-live',
      contents: 'Hi',
      config: { maxOutputTokens: 5_000_000, thinkingConfig: { thinkingLevel: 'xhigh' as never } },
    });
    expect(gateway.requests).toHaveLength(1);
    expect(warnings).toEqual([]);
  });
});
