/**
 * `Content` and `Part` of the native Gemini API, shared by requests and answers. Objects are
 * loose (unknown fields kept) and enums are open strings: the upstream adds values faster than
 * we release, and an unknown value must never fail an answer.
 */
import { z } from 'zod';
import { defineWireShape, type WireOutput } from './wire-shape.js';

/** A JSON object of any content (function arguments, a tool's response). */
export const jsonObjectShape = defineWireShape({ build: () => z.record(z.string(), z.unknown()) });

/**
 * One streamed piece of a function call's arguments (Vertex AI's `streamFunctionCallArguments`,
 * which the gateway can route to): the value at `jsonPath`, and `willContinue` when more of the
 * same string follows.
 */
export const partialArgShape = defineWireShape({
  build: () =>
    z.looseObject({
      /** RFC 9535 JSON path of the argument, e.g. `$.location` or `$.items[0].name`. */
      jsonPath: z.string().optional(),
      stringValue: z.string().optional(),
      numberValue: z.number().optional(),
      boolValue: z.boolean().optional(),
      /** `NULL_VALUE` (protobuf's null). */
      nullValue: z.unknown().optional(),
      willContinue: z.boolean().optional(),
    }),
});

export const blobShape = defineWireShape({
  build: () =>
    z.looseObject({
      /** Required by the upstream in requests; answers always carry it, yet a missing one is tolerated. */
      mimeType: z.string().optional(),
      /** Base64 data. */
      data: z.string(),
    }),
});

export const fileDataShape = defineWireShape({
  build: () => z.looseObject({ mimeType: z.string().optional(), fileUri: z.string() }),
});

/**
 * A function call the model asks for. `name` is missing on the continuation chunks of a call
 * whose arguments are streamed (`partialArgs`), so it is optional here; a folded answer has it.
 */
export const functionCallShape = defineWireShape({
  build: () =>
    z.looseObject({
      id: z.string().optional(),
      name: z.string().optional(),
      args: jsonObjectShape.schema.optional(),
      partialArgs: z.array(partialArgShape.schema).optional(),
      willContinue: z.boolean().optional(),
    }),
});

export const functionResponseShape = defineWireShape({
  build: () =>
    z.looseObject({
      id: z.string().optional(),
      name: z.string(),
      response: jsonObjectShape.schema.optional(),
    }),
});

export const executableCodeShape = defineWireShape({
  build: () => z.looseObject({ language: z.string().optional(), code: z.string() }),
});

export const codeExecutionResultShape = defineWireShape({
  build: () =>
    z.looseObject({
      /** `OUTCOME_OK`, `OUTCOME_FAILED`, `OUTCOME_DEADLINE_EXCEEDED`, ... (open set). */
      outcome: z.string().optional(),
      output: z.string().optional(),
    }),
});

/** One part of a content. One data field is set; `thought` and `thoughtSignature` may accompany it. */
export const partShape = defineWireShape({
  build: () =>
    z.looseObject({
      text: z.string().optional(),
      /** Marks a thought summary (only with `includeThoughts`); code parts can carry it too. */
      thought: z.boolean().optional(),
      /** Opaque signature of the model's reasoning; must be sent back in place (Gemini 3). */
      thoughtSignature: z.string().optional(),
      inlineData: blobShape.schema.optional(),
      fileData: fileDataShape.schema.optional(),
      functionCall: functionCallShape.schema.optional(),
      functionResponse: functionResponseShape.schema.optional(),
      executableCode: executableCodeShape.schema.optional(),
      codeExecutionResult: codeExecutionResultShape.schema.optional(),
    }),
});

/** A turn of the conversation; an answer cut by `MAX_TOKENS` during thinking has no parts. */
export const contentShape = defineWireShape({
  build: () =>
    z.looseObject({
      /** `user` or `model` (open set). */
      role: z.string().optional(),
      parts: z.array(partShape.schema).optional(),
    }),
});

export type JsonObject = WireOutput<typeof jsonObjectShape>;
export type PartialArg = WireOutput<typeof partialArgShape>;
export type Blob = WireOutput<typeof blobShape>;
export type FileData = WireOutput<typeof fileDataShape>;
export type FunctionCall = WireOutput<typeof functionCallShape>;
export type FunctionResponse = WireOutput<typeof functionResponseShape>;
export type ExecutableCode = WireOutput<typeof executableCodeShape>;
export type CodeExecutionResult = WireOutput<typeof codeExecutionResultShape>;
export type Part = WireOutput<typeof partShape>;
export type Content = WireOutput<typeof contentShape>;
