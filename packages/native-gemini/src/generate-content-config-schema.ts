/**
 * Validation of the caller's `config` before anything is sent. Strict on the types of the
 * fields we know, silent about fields we do not (they pass through to the upstream).
 */
import { z } from 'zod';

const partLike = z.looseObject({});
const contentLike = z.union([z.string(), partLike, z.array(z.union([z.string(), partLike]))]);

export const thinkingConfigSchema = z.looseObject({
  thinkingBudget: z.number().int('thinkingBudget must be a whole number').optional(),
  includeThoughts: z.boolean().optional(),
  thinkingLevel: z.string().optional(),
});

export const generateContentConfigSchema = z.looseObject({
  systemInstruction: contentLike.optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  topK: z.number().int().positive().optional(),
  stopSequences: z.array(z.string()).max(5).optional(),
  seed: z.number().int().optional(),
  candidateCount: z.number().int().min(1).optional(),
  presencePenalty: z.number().optional(),
  frequencyPenalty: z.number().optional(),
  thinkingConfig: thinkingConfigSchema.optional(),
  mediaResolution: z.string().optional(),
  responseMimeType: z.string().optional(),
  responseSchema: z.looseObject({}).optional(),
  responseModalities: z.array(z.string()).optional(),
  tools: z
    .array(
      z.looseObject({
        functionDeclarations: z
          .array(
            z.looseObject({
              // The name's rule is core's `checkToolName`, shared with the OpenAI route.
              name: z.string(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  toolConfig: z.looseObject({}).optional(),
  safetySettings: z.array(z.looseObject({ category: z.string(), threshold: z.string() })).optional(),
  cachedContent: z.string().min(1).optional(),
  httpOptions: z.looseObject({}).optional(),
});
