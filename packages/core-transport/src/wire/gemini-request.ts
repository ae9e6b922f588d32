/**
 * What the native Gemini API is sent: `GenerateContentRequest`, `countTokens`, `embedContent`
 * and a `cachedContents` create body. The types are what both clients (and the helper packages
 * that produce plain JSON for them) build.
 */
import { z } from 'zod';
import { base64ValueShape } from './binary-slot-shapes.js';
import { contentShape, jsonObjectShape, partShape } from './gemini-content.js';
import { defineWireShape, type WireInput } from './wire-shape.js';

/** Inline bytes in a request: `mimeType` is required here, and `data` may be a `BinarySlot`. */
export const requestBlobShape = defineWireShape({
  build: () => z.looseObject({ mimeType: z.string(), data: base64ValueShape.schema }),
});

/** A part as a request carries it: an answer's part, with inline data that may stream from bytes. */
export const requestPartShape = defineWireShape({
  build: () => partShape.schema.extend({ inlineData: requestBlobShape.schema.optional() }),
});

/** A turn as a request carries it (history, `systemInstruction`). */
export const requestContentShape = defineWireShape({
  build: () => contentShape.schema.extend({ parts: z.array(requestPartShape.schema).optional() }),
});

/** A function the model may call; `parameters` is Gemini's OpenAPI subset, `parametersJsonSchema` plain JSON Schema. */
export const functionDeclarationShape = defineWireShape({
  build: () =>
    z.looseObject({
      name: z.string(),
      description: z.string().optional(),
      parameters: jsonObjectShape.schema.optional(),
      parametersJsonSchema: z.unknown().optional(),
      response: jsonObjectShape.schema.optional(),
    }),
});

/** One entry of `tools`: function declarations or a built-in tool (`codeExecution`, `googleSearch`, `urlContext`, ...). */
export const toolShape = defineWireShape({
  build: () =>
    z.looseObject({
      functionDeclarations: z.array(functionDeclarationShape.schema).optional(),
      codeExecution: z.looseObject({}).optional(),
      googleSearch: z.looseObject({}).optional(),
      urlContext: z.looseObject({}).optional(),
    }),
});

export const toolConfigShape = defineWireShape({
  build: () =>
    z.looseObject({
      functionCallingConfig: z
        .looseObject({
          /** `AUTO`, `ANY`, `NONE`, `VALIDATED` (open set). */
          mode: z.string().optional(),
          allowedFunctionNames: z.array(z.string()).optional(),
          /** Vertex AI only: stream a call's arguments as `partialArgs`. */
          streamFunctionCallArguments: z.boolean().optional(),
        })
        .optional(),
    }),
});

export const safetySettingShape = defineWireShape({
  build: () => z.looseObject({ category: z.string(), threshold: z.string() }),
});

export const thinkingConfigShape = defineWireShape({
  build: () =>
    z.looseObject({
      /** `-1` is dynamic, `0` off (where the model allows it). */
      thinkingBudget: z.number().int().optional(),
      /** Gemini 3 (`low`, `high`, ...); never together with `thinkingBudget`. */
      thinkingLevel: z.string().optional(),
      includeThoughts: z.boolean().optional(),
    }),
});

export const generationConfigShape = defineWireShape({
  build: () =>
    z.looseObject({
      temperature: z.number().optional(),
      topP: z.number().optional(),
      topK: z.number().optional(),
      candidateCount: z.number().int().optional(),
      maxOutputTokens: z.number().int().optional(),
      stopSequences: z.array(z.string()).optional(),
      seed: z.number().int().optional(),
      presencePenalty: z.number().optional(),
      frequencyPenalty: z.number().optional(),
      responseMimeType: z.string().optional(),
      responseSchema: jsonObjectShape.schema.optional(),
      responseJsonSchema: z.unknown().optional(),
      responseModalities: z.array(z.string()).optional(),
      mediaResolution: z.string().optional(),
      thinkingConfig: thinkingConfigShape.schema.optional(),
    }),
});

/** The body of `:generateContent` and `:streamGenerateContent`. */
export const generateContentRequestShape = defineWireShape({
  build: () =>
    z.looseObject({
      contents: z.array(requestContentShape.schema),
      systemInstruction: requestContentShape.schema.optional(),
      tools: z.array(toolShape.schema).optional(),
      toolConfig: toolConfigShape.schema.optional(),
      safetySettings: z.array(safetySettingShape.schema).optional(),
      generationConfig: generationConfigShape.schema.optional(),
      /** `cachedContents/...`; at the top level (inside `generationConfig` it is ignored). */
      cachedContent: z.string().optional(),
    }),
});

/** The body of `:countTokens`: plain contents, or a whole request (to count tools and system text). */
export const countTokensRequestShape = defineWireShape({
  build: () =>
    z.looseObject({
      contents: z.array(requestContentShape.schema).optional(),
      generateContentRequest: generateContentRequestShape.schema.extend({ model: z.string() }).optional(),
    }),
});

/** The body of `:embedContent` (one entry of `:batchEmbedContents` adds `model`). */
export const embedContentRequestShape = defineWireShape({
  build: () =>
    z.looseObject({
      model: z.string().optional(),
      content: requestContentShape.schema,
      /** `RETRIEVAL_QUERY`, `SEMANTIC_SIMILARITY`, ... (open set). */
      taskType: z.string().optional(),
      title: z.string().optional(),
      outputDimensionality: z.number().int().optional(),
    }),
});

export const batchEmbedContentsRequestShape = defineWireShape({
  build: () => z.looseObject({ requests: z.array(embedContentRequestShape.schema) }),
});

/** The body of `POST cachedContents`. */
export const createCachedContentRequestShape = defineWireShape({
  build: () =>
    z.looseObject({
      model: z.string(),
      contents: z.array(requestContentShape.schema).optional(),
      systemInstruction: requestContentShape.schema.optional(),
      tools: z.array(toolShape.schema).optional(),
      toolConfig: toolConfigShape.schema.optional(),
      displayName: z.string().optional(),
      /** `"300s"`; or `expireTime`. */
      ttl: z.string().optional(),
      expireTime: z.string().optional(),
    }),
});

export type RequestBlob = WireInput<typeof requestBlobShape>;
export type RequestPart = WireInput<typeof requestPartShape>;
export type RequestContent = WireInput<typeof requestContentShape>;
export type FunctionDeclaration = WireInput<typeof functionDeclarationShape>;
export type Tool = WireInput<typeof toolShape>;
export type ToolConfig = WireInput<typeof toolConfigShape>;
export type SafetySetting = WireInput<typeof safetySettingShape>;
export type ThinkingConfig = WireInput<typeof thinkingConfigShape>;
export type GenerationConfig = WireInput<typeof generationConfigShape>;
export type GenerateContentRequest = WireInput<typeof generateContentRequestShape>;
export type CountTokensRequest = WireInput<typeof countTokensRequestShape>;
export type EmbedContentRequest = WireInput<typeof embedContentRequestShape>;
export type BatchEmbedContentsRequest = WireInput<typeof batchEmbedContentsRequestShape>;
export type CreateCachedContentRequest = WireInput<typeof createCachedContentRequestShape>;
