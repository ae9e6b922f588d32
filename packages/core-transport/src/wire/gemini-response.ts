/**
 * What the native Gemini API answers: `GenerateContentResponse` (also each chunk of
 * `:streamGenerateContent`), counts, embeddings, models and caches. Token counts are int64 on
 * the wire, so a numeric JSON string is accepted too.
 */
import { z } from 'zod';
import { contentShape } from './gemini-content.js';
import { isCommonGenerateContentResponse } from './is-common-generate-content-response.js';
import { defineWireShape, type WireOutput } from './wire-shape.js';

/** A token count: int64 on the wire, so a JSON string of digits is accepted too. */
export const tokenCountShape = defineWireShape({
  build: () => z.union([z.number(), z.string().regex(/^-?\d+$/)]),
});

const modalityTokenCounts = () =>
  z
    .array(z.looseObject({ modality: z.string().optional(), tokenCount: tokenCountShape.schema.optional() }))
    .optional();

/** `usageMetadata`. `promptTokenCount` includes the cached tokens; total = prompt + candidates + toolUsePrompt + thoughts. */
export const usageMetadataShape = defineWireShape({
  build: () =>
    z.looseObject({
      promptTokenCount: tokenCountShape.schema.optional(),
      candidatesTokenCount: tokenCountShape.schema.optional(),
      thoughtsTokenCount: tokenCountShape.schema.optional(),
      cachedContentTokenCount: tokenCountShape.schema.optional(),
      toolUsePromptTokenCount: tokenCountShape.schema.optional(),
      totalTokenCount: tokenCountShape.schema.optional(),
      promptTokensDetails: modalityTokenCounts(),
      candidatesTokensDetails: modalityTokenCounts(),
      cacheTokensDetails: modalityTokenCounts(),
      toolUsePromptTokensDetails: modalityTokenCounts(),
      /** `standard`, `priority`, ... (open set). */
      serviceTier: z.string().optional(),
    }),
});

const safetyRatings = () => z.array(z.looseObject({})).optional();

/** One answer of the model. */
export const candidateShape = defineWireShape({
  build: () =>
    z.looseObject({
      content: contentShape.schema.optional(),
      /** `STOP`, `MAX_TOKENS`, `SAFETY`, ... (open set); `STOP` can come before the last chunk. */
      finishReason: z.string().optional(),
      finishMessage: z.string().optional(),
      /** Missing on 2.0 streams. */
      index: z.number().optional(),
      /** Missing on 2.5 and 3 answers. */
      safetyRatings: safetyRatings(),
      citationMetadata: z.looseObject({}).optional(),
      groundingMetadata: z.looseObject({}).optional(),
      urlContextMetadata: z.looseObject({}).optional(),
      tokenCount: z.number().optional(),
      avgLogprobs: z.number().optional(),
    }),
});

/** Why a prompt was refused before any candidate was produced. */
export const promptFeedbackShape = defineWireShape({
  build: () =>
    z.looseObject({
      /** `SAFETY`, `BLOCKLIST`, `PROHIBITED_CONTENT`, `OTHER`, ... (open set). */
      blockReason: z.string().optional(),
      safetyRatings: safetyRatings(),
    }),
});

/** The body of `:generateContent`, and of each chunk of `:streamGenerateContent`. */
export const generateContentResponseShape = defineWireShape({
  build: () =>
    z.looseObject({
      candidates: z.array(candidateShape.schema).optional(),
      promptFeedback: promptFeedbackShape.schema.optional(),
      usageMetadata: usageMetadataShape.schema.optional(),
      modelVersion: z.string().optional(),
      responseId: z.string().optional(),
    }),
  isCommonShape: isCommonGenerateContentResponse,
});

export const countTokensResponseShape = defineWireShape({
  build: () =>
    z.looseObject({
      totalTokens: tokenCountShape.schema.optional(),
      cachedContentTokenCount: tokenCountShape.schema.optional(),
      promptTokensDetails: modalityTokenCounts(),
      cacheTokensDetails: modalityTokenCounts(),
    }),
});

/** One embedding vector. */
export const contentEmbeddingShape = defineWireShape({
  build: () => z.looseObject({ values: z.array(z.number()) }),
});

export const embedContentResponseShape = defineWireShape({
  build: () => z.looseObject({ embedding: contentEmbeddingShape.schema }),
});

export const batchEmbedContentsResponseShape = defineWireShape({
  build: () => z.looseObject({ embeddings: z.array(contentEmbeddingShape.schema) }),
});

/** A model as `models.get` and `models.list` describe it. */
export const modelShape = defineWireShape({
  build: () =>
    z.looseObject({
      /** `models/gemini-2.5-flash`. */
      name: z.string(),
      baseModelId: z.string().optional(),
      version: z.string().optional(),
      displayName: z.string().optional(),
      description: z.string().optional(),
      inputTokenLimit: z.number().optional(),
      outputTokenLimit: z.number().optional(),
      supportedGenerationMethods: z.array(z.string()).optional(),
      thinking: z.boolean().optional(),
      temperature: z.number().optional(),
      maxTemperature: z.number().optional(),
      topP: z.number().optional(),
      topK: z.number().optional(),
    }),
});

export const listModelsResponseShape = defineWireShape({
  build: () =>
    z.looseObject({ models: z.array(modelShape.schema).optional(), nextPageToken: z.string().optional() }),
});

/** An explicit context cache (`cachedContents/...`). */
export const cachedContentShape = defineWireShape({
  build: () =>
    z.looseObject({
      /** `cachedContents/abc123`; absent only in a create request. */
      name: z.string(),
      model: z.string().optional(),
      displayName: z.string().optional(),
      createTime: z.string().optional(),
      updateTime: z.string().optional(),
      expireTime: z.string().optional(),
      ttl: z.string().optional(),
      usageMetadata: z.looseObject({ totalTokenCount: tokenCountShape.schema.optional() }).optional(),
    }),
});

export const listCachedContentsResponseShape = defineWireShape({
  build: () =>
    z.looseObject({
      cachedContents: z.array(cachedContentShape.schema).optional(),
      nextPageToken: z.string().optional(),
    }),
});

export type TokenCount = WireOutput<typeof tokenCountShape>;
export type UsageMetadata = WireOutput<typeof usageMetadataShape>;
export type Candidate = WireOutput<typeof candidateShape>;
export type PromptFeedback = WireOutput<typeof promptFeedbackShape>;
export type GenerateContentResponseBody = WireOutput<typeof generateContentResponseShape>;
export type CountTokensResponse = WireOutput<typeof countTokensResponseShape>;
export type ContentEmbedding = WireOutput<typeof contentEmbeddingShape>;
export type EmbedContentResponse = WireOutput<typeof embedContentResponseShape>;
export type BatchEmbedContentsResponse = WireOutput<typeof batchEmbedContentsResponseShape>;
export type Model = WireOutput<typeof modelShape>;
export type ListModelsResponse = WireOutput<typeof listModelsResponseShape>;
export type CachedContent = WireOutput<typeof cachedContentShape>;
export type ListCachedContentsResponse = WireOutput<typeof listCachedContentsResponseShape>;
