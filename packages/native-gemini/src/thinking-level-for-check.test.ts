import { InvalidArgumentError } from '@gemgate/core-transport';
import { startMockGateway } from '@gemgate/mock-gateway';
import { ThinkingLevel as OfficialThinkingLevel } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkNativeModel } from './check-native-model.js';
import { ThinkingLevel } from './enums.js';
import { GoogleGenAI } from './google-genai-compat.js';
import { thinkingLevelForCheck } from './thinking-level-for-check.js';

describe('thinkingLevelForCheck', () => {
  it.each([
    ['HIGH', 'high'],
    ['high', 'high'],
    ['MINIMAL', 'minimal'],
    ['THINKING_LEVEL_UNSPECIFIED', undefined],
    ['High', 'High'],
    [undefined, undefined],
  ])('%s is checked as %s', (level, expected) => {
    expect(thinkingLevelForCheck(level)).toBe(expected);
  });
});

describe('checkNativeModel takes the official ThinkingLevel spellings', () => {
  it.each([ThinkingLevel.HIGH, ThinkingLevel.LOW, OfficialThinkingLevel.HIGH, 'low', 'high'])(
    'passes %s on gemini-3-pro-preview',
    (thinkingLevel) => {
      expect(() =>
        checkNativeModel({ model: 'gemini-3-pro-preview', thinking: { thinkingLevel } }),
      ).not.toThrow();
    },
  );

  it.each([ThinkingLevel.MINIMAL, 'medium', 'High'])(
    'still refuses %s on gemini-3-pro-preview, naming the field',
    (thinkingLevel) => {
      let caught: unknown;
      try {
        checkNativeModel({ model: 'gemini-3-pro-preview', thinking: { thinkingLevel } });
      } catch (error) {
        caught = error;
      }
      expect(InvalidArgumentError.isInstance(caught)).toBe(true);
      expect((caught as InvalidArgumentError).argument).toBe('config.thinkingConfig.thinkingLevel');
    },
  );
});

describe('the GoogleGenAI drop-in with ThinkingLevel.HIGH', () => {
  let gateway: Awaited<ReturnType<typeof startMockGateway>>;
  let ai: GoogleGenAI;
  beforeAll(async () => {
    gateway = await startMockGateway({ apiKeys: ['sk-level-key'] });
    ai = new GoogleGenAI({
      apiKey: 'sk-level-key',
      env: {},
      httpOptions: { baseUrl: gateway.nativeBaseURL },
    });
  });
  beforeEach(() => gateway.reset());
  afterAll(async () => {
    await ai.close();
    await gateway.close();
  });

  it('sends the official enum value as @google/genai does, and the gateway answers', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-3-pro-preview',
      contents: 'Hello',
      config: { thinkingConfig: { thinkingLevel: OfficialThinkingLevel.HIGH } },
    });
    expect(response.text.length).toBeGreaterThan(0);
    const body = gateway.requests[0]?.body as { generationConfig?: { thinkingConfig?: unknown } };
    expect(body.generationConfig?.thinkingConfig).toEqual({ thinkingLevel: 'HIGH' });
  });
});
