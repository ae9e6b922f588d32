/**
 * Lenient zod schemas of what the upstream answers.
 *
 * They check the shape the helpers rely on and nothing more: unknown fields are kept
 * (`z.looseObject`), enums are open strings, and int64 counts are accepted as numbers or
 * numeric strings. A body that fails them really is malformed.
 */
import { z } from 'zod';

const tokenCount = z.union([z.number(), z.string().regex(/^-?\d+$/)]);
const record = z.record(z.string(), z.unknown());

export const partSchema = z.looseObject({
  text: z.string().optional(),
  thought: z.boolean().optional(),
  thoughtSignature: z.string().optional(),
  inlineData: z.looseObject({ mimeType: z.string().optional(), data: z.string() }).optional(),
  functionCall: z
    .looseObject({ id: z.string().optional(), name: z.string(), args: record.optional() })
    .optional(),
  functionResponse: z.looseObject({ id: z.string().optional(), name: z.string() }).optional(),
  executableCode: z.looseObject({ language: z.string().optional(), code: z.string() }).optional(),
  codeExecutionResult: z
    .looseObject({ outcome: z.string().optional(), output: z.string().optional() })
    .optional(),
});

export const contentSchema = z.looseObject({
  role: z.string().optional(),
  parts: z.array(partSchema).optional(),
});

export const usageMetadataSchema = z.looseObject({
  promptTokenCount: tokenCount.optional(),
  candidatesTokenCount: tokenCount.optional(),
  thoughtsTokenCount: tokenCount.optional(),
  cachedContentTokenCount: tokenCount.optional(),
  toolUsePromptTokenCount: tokenCount.optional(),
  totalTokenCount: tokenCount.optional(),
});

export const generateContentResponseSchema = z.looseObject({
  candidates: z
    .array(
      z.looseObject({
        content: contentSchema.optional(),
        finishReason: z.string().optional(),
        index: z.number().optional(),
      }),
    )
    .optional(),
  promptFeedback: z.looseObject({ blockReason: z.string().optional() }).optional(),
  usageMetadata: usageMetadataSchema.optional(),
  modelVersion: z.string().optional(),
  responseId: z.string().optional(),
});

export const modelSchema = z.looseObject({
  name: z.string(),
  inputTokenLimit: z.number().optional(),
  outputTokenLimit: z.number().optional(),
  supportedGenerationMethods: z.array(z.string()).optional(),
});

export const listModelsResponseSchema = z.looseObject({
  models: z.array(modelSchema).optional(),
  nextPageToken: z.string().optional(),
});

export const countTokensResponseSchema = z.looseObject({
  totalTokens: tokenCount.optional(),
  cachedContentTokenCount: tokenCount.optional(),
});

const embeddingSchema = z.looseObject({ values: z.array(z.number()) });

export const embedContentResponseSchema = z.looseObject({ embedding: embeddingSchema });

export const batchEmbedContentsResponseSchema = z.looseObject({ embeddings: z.array(embeddingSchema) });

export const cachedContentSchema = z.looseObject({
  name: z.string(),
  model: z.string().optional(),
  expireTime: z.string().optional(),
  usageMetadata: z.looseObject({ totalTokenCount: tokenCount.optional() }).optional(),
});

export const listCachedContentsResponseSchema = z.looseObject({
  cachedContents: z.array(cachedContentSchema).optional(),
  nextPageToken: z.string().optional(),
});
