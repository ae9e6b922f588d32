import * as official from '@google/genai';
import { describe, expect, it } from 'vitest';
import { buildGenerateContentRequest } from './build-generate-content-request.js';
import * as entry from './index.js';

// [ours, the official enum] by name: a string enum compiles to a plain object of its members,
// so the two compare as records and any added, removed or renamed member fails.
const pairs: Record<string, [ours: Readonly<Record<string, string>>, official: Record<string, string>]> = {
  ThinkingLevel: [entry.ThinkingLevel, official.ThinkingLevel],
  MediaResolution: [entry.MediaResolution, official.MediaResolution],
  PartMediaResolutionLevel: [entry.PartMediaResolutionLevel, official.PartMediaResolutionLevel],
  HarmCategory: [entry.HarmCategory, official.HarmCategory],
  HarmBlockThreshold: [entry.HarmBlockThreshold, official.HarmBlockThreshold],
  FinishReason: [entry.FinishReason, official.FinishReason],
  FunctionCallingConfigMode: [entry.FunctionCallingConfigMode, official.FunctionCallingConfigMode],
  Modality: [entry.Modality, official.Modality],
  BlockedReason: [entry.BlockedReason, official.BlockedReason],
  Language: [entry.Language, official.Language],
  Outcome: [entry.Outcome, official.Outcome],
  Type: [entry.Type, official.Type],
};

describe('the enums a migrating @google/genai user imports', () => {
  it.each(Object.entries(pairs))(
    '%s has the same keys and values as @google/genai',
    (_name, [ours, theirs]) => {
      expect({ ...ours }).toEqual({ ...theirs });
    },
  );

  it('accepts the official enum members where our types expect the values', () => {
    // Type-level too: an official member must be assignable to our union (tsc checks this file).
    const level: entry.ThinkingLevel = official.ThinkingLevel.HIGH;
    const mode: entry.FunctionCallingConfigMode = official.FunctionCallingConfigMode.ANY;
    const threshold: entry.HarmBlockThreshold = official.HarmBlockThreshold.BLOCK_ONLY_HIGH;
    expect([level, mode, threshold]).toEqual(['HIGH', 'ANY', 'BLOCK_ONLY_HIGH']);
  });

  it('passes the request checks in their official spellings and reaches the wire unchanged', () => {
    const { body } = buildGenerateContentRequest({
      contents: 'Hi',
      config: {
        mediaResolution: official.MediaResolution.MEDIA_RESOLUTION_MEDIUM,
        responseModalities: [entry.Modality.TEXT],
        safetySettings: [
          {
            category: entry.HarmCategory.HARM_CATEGORY_HARASSMENT,
            threshold: entry.HarmBlockThreshold.BLOCK_NONE,
          },
        ],
        toolConfig: { functionCallingConfig: { mode: entry.FunctionCallingConfigMode.ANY } },
        thinkingConfig: { thinkingLevel: entry.ThinkingLevel.LOW },
      },
    });
    expect(body).toMatchObject({
      safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }],
      toolConfig: { functionCallingConfig: { mode: 'ANY' } },
      generationConfig: {
        mediaResolution: 'MEDIA_RESOLUTION_MEDIUM',
        responseModalities: ['TEXT'],
        thinkingConfig: { thinkingLevel: 'LOW' },
      },
    });
  });
});
