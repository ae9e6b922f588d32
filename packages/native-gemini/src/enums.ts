/**
 * The enums a migrating `@google/genai` user imports, with the same names and values (checked
 * against `@google/genai` 2.32 by `enums.test.ts`). Each is a read-only `const` object plus a
 * string-union type of its values rather than a TypeScript `enum`: a plain object tree-shakes
 * (`sideEffects: false`), and the union also takes the string itself (`'HIGH'` as well as
 * `ThinkingLevel.HIGH`), as the wire does.
 */

/**
 * How much a Gemini 3 model thinks (`config.thinkingConfig.thinkingLevel`). The lower-case spellings
 * of Google's REST docs (`'low'`, `'high'`) are accepted too.
 *
 * @example
 * ```ts
 * import { ThinkingLevel } from '@gemgate/native-gemini';
 * ThinkingLevel.MINIMAL; // 'MINIMAL'
 * ```
 */
export const ThinkingLevel = {
  THINKING_LEVEL_UNSPECIFIED: 'THINKING_LEVEL_UNSPECIFIED',
  MINIMAL: 'MINIMAL',
  LOW: 'LOW',
  MEDIUM: 'MEDIUM',
  HIGH: 'HIGH',
} as const;
/** One value of {@link ThinkingLevel}. */
export type ThinkingLevel = (typeof ThinkingLevel)[keyof typeof ThinkingLevel];

/**
 * The resolution images and video are read at (`config.mediaResolution`); fewer tokens at lower
 * resolutions.
 *
 * @example
 * ```ts
 * import { MediaResolution } from '@gemgate/native-gemini';
 * MediaResolution.MEDIA_RESOLUTION_LOW; // 'MEDIA_RESOLUTION_LOW'
 * ```
 */
export const MediaResolution = {
  MEDIA_RESOLUTION_UNSPECIFIED: 'MEDIA_RESOLUTION_UNSPECIFIED',
  MEDIA_RESOLUTION_LOW: 'MEDIA_RESOLUTION_LOW',
  MEDIA_RESOLUTION_MEDIUM: 'MEDIA_RESOLUTION_MEDIUM',
  MEDIA_RESOLUTION_HIGH: 'MEDIA_RESOLUTION_HIGH',
} as const;
/** One value of {@link MediaResolution}. */
export type MediaResolution = (typeof MediaResolution)[keyof typeof MediaResolution];

/**
 * The resolution one media part is read at (the third argument of `createPartFromBase64` and
 * `createPartFromUri`).
 *
 * @example
 * ```ts
 * import { PartMediaResolutionLevel } from '@gemgate/native-gemini';
 * PartMediaResolutionLevel.MEDIA_RESOLUTION_LOW; // 'MEDIA_RESOLUTION_LOW'
 * ```
 */
export const PartMediaResolutionLevel = {
  MEDIA_RESOLUTION_UNSPECIFIED: 'MEDIA_RESOLUTION_UNSPECIFIED',
  MEDIA_RESOLUTION_LOW: 'MEDIA_RESOLUTION_LOW',
  MEDIA_RESOLUTION_MEDIUM: 'MEDIA_RESOLUTION_MEDIUM',
  MEDIA_RESOLUTION_HIGH: 'MEDIA_RESOLUTION_HIGH',
  MEDIA_RESOLUTION_ULTRA_HIGH: 'MEDIA_RESOLUTION_ULTRA_HIGH',
} as const;
/** One value of {@link PartMediaResolutionLevel}. */
export type PartMediaResolutionLevel =
  (typeof PartMediaResolutionLevel)[keyof typeof PartMediaResolutionLevel];

/**
 * A safety filter category (`config.safetySettings[].category`, `safetyRatings[].category`).
 *
 * @example
 * ```ts
 * import { HarmCategory } from '@gemgate/native-gemini';
 * HarmCategory.HARM_CATEGORY_HARASSMENT; // 'HARM_CATEGORY_HARASSMENT'
 * ```
 */
export const HarmCategory = {
  HARM_CATEGORY_UNSPECIFIED: 'HARM_CATEGORY_UNSPECIFIED',
  HARM_CATEGORY_HARASSMENT: 'HARM_CATEGORY_HARASSMENT',
  HARM_CATEGORY_HATE_SPEECH: 'HARM_CATEGORY_HATE_SPEECH',
  HARM_CATEGORY_SEXUALLY_EXPLICIT: 'HARM_CATEGORY_SEXUALLY_EXPLICIT',
  HARM_CATEGORY_DANGEROUS_CONTENT: 'HARM_CATEGORY_DANGEROUS_CONTENT',
  HARM_CATEGORY_CIVIC_INTEGRITY: 'HARM_CATEGORY_CIVIC_INTEGRITY',
  HARM_CATEGORY_JAILBREAK: 'HARM_CATEGORY_JAILBREAK',
  HARM_CATEGORY_IMAGE_HATE: 'HARM_CATEGORY_IMAGE_HATE',
  HARM_CATEGORY_IMAGE_DANGEROUS_CONTENT: 'HARM_CATEGORY_IMAGE_DANGEROUS_CONTENT',
  HARM_CATEGORY_IMAGE_HARASSMENT: 'HARM_CATEGORY_IMAGE_HARASSMENT',
  HARM_CATEGORY_IMAGE_SEXUALLY_EXPLICIT: 'HARM_CATEGORY_IMAGE_SEXUALLY_EXPLICIT',
} as const;
/** One value of {@link HarmCategory}. */
export type HarmCategory = (typeof HarmCategory)[keyof typeof HarmCategory];

/**
 * From what probability a safety filter blocks (`config.safetySettings[].threshold`).
 *
 * @example
 * ```ts
 * import { HarmBlockThreshold } from '@gemgate/native-gemini';
 * HarmBlockThreshold.BLOCK_LOW_AND_ABOVE; // 'BLOCK_LOW_AND_ABOVE'
 * ```
 */
export const HarmBlockThreshold = {
  HARM_BLOCK_THRESHOLD_UNSPECIFIED: 'HARM_BLOCK_THRESHOLD_UNSPECIFIED',
  BLOCK_LOW_AND_ABOVE: 'BLOCK_LOW_AND_ABOVE',
  BLOCK_MEDIUM_AND_ABOVE: 'BLOCK_MEDIUM_AND_ABOVE',
  BLOCK_ONLY_HIGH: 'BLOCK_ONLY_HIGH',
  BLOCK_NONE: 'BLOCK_NONE',
  OFF: 'OFF',
} as const;
/** One value of {@link HarmBlockThreshold}. */
export type HarmBlockThreshold = (typeof HarmBlockThreshold)[keyof typeof HarmBlockThreshold];

/**
 * Why a candidate stopped (`candidates[].finishReason`). The upstream adds values: compare, never
 * switch exhaustively.
 *
 * @example
 * ```ts
 * import { FinishReason } from '@gemgate/native-gemini';
 * FinishReason.STOP; // 'STOP'
 * ```
 */
export const FinishReason = {
  FINISH_REASON_UNSPECIFIED: 'FINISH_REASON_UNSPECIFIED',
  STOP: 'STOP',
  MAX_TOKENS: 'MAX_TOKENS',
  SAFETY: 'SAFETY',
  RECITATION: 'RECITATION',
  LANGUAGE: 'LANGUAGE',
  OTHER: 'OTHER',
  BLOCKLIST: 'BLOCKLIST',
  PROHIBITED_CONTENT: 'PROHIBITED_CONTENT',
  SPII: 'SPII',
  MALFORMED_FUNCTION_CALL: 'MALFORMED_FUNCTION_CALL',
  IMAGE_SAFETY: 'IMAGE_SAFETY',
  UNEXPECTED_TOOL_CALL: 'UNEXPECTED_TOOL_CALL',
  TOO_MANY_TOOL_CALLS: 'TOO_MANY_TOOL_CALLS',
  IMAGE_PROHIBITED_CONTENT: 'IMAGE_PROHIBITED_CONTENT',
  NO_IMAGE: 'NO_IMAGE',
  IMAGE_RECITATION: 'IMAGE_RECITATION',
  IMAGE_OTHER: 'IMAGE_OTHER',
  CONTINUATION: 'CONTINUATION',
} as const;
/** One value of {@link FinishReason}. */
export type FinishReason = (typeof FinishReason)[keyof typeof FinishReason];

/**
 * Whether and how the model calls functions (`config.toolConfig.functionCallingConfig.mode`).
 *
 * @example
 * ```ts
 * import { FunctionCallingConfigMode } from '@gemgate/native-gemini';
 * FunctionCallingConfigMode.AUTO; // 'AUTO'
 * ```
 */
export const FunctionCallingConfigMode = {
  MODE_UNSPECIFIED: 'MODE_UNSPECIFIED',
  AUTO: 'AUTO',
  ANY: 'ANY',
  NONE: 'NONE',
  VALIDATED: 'VALIDATED',
} as const;
/** One value of {@link FunctionCallingConfigMode}. */
export type FunctionCallingConfigMode =
  (typeof FunctionCallingConfigMode)[keyof typeof FunctionCallingConfigMode];

/**
 * What the model answers with (`config.responseModalities`) and what a token count is about.
 *
 * @example
 * ```ts
 * import { Modality } from '@gemgate/native-gemini';
 * Modality.TEXT; // 'TEXT'
 * ```
 */
export const Modality = {
  MODALITY_UNSPECIFIED: 'MODALITY_UNSPECIFIED',
  TEXT: 'TEXT',
  IMAGE: 'IMAGE',
  AUDIO: 'AUDIO',
  VIDEO: 'VIDEO',
} as const;
/** One value of {@link Modality}. */
export type Modality = (typeof Modality)[keyof typeof Modality];

/**
 * Why a prompt was refused before any candidate (`promptFeedback.blockReason`).
 *
 * @example
 * ```ts
 * import { BlockedReason } from '@gemgate/native-gemini';
 * BlockedReason.SAFETY; // 'SAFETY'
 * ```
 */
export const BlockedReason = {
  BLOCKED_REASON_UNSPECIFIED: 'BLOCKED_REASON_UNSPECIFIED',
  SAFETY: 'SAFETY',
  OTHER: 'OTHER',
  BLOCKLIST: 'BLOCKLIST',
  PROHIBITED_CONTENT: 'PROHIBITED_CONTENT',
  IMAGE_SAFETY: 'IMAGE_SAFETY',
  MODEL_ARMOR: 'MODEL_ARMOR',
  JAILBREAK: 'JAILBREAK',
} as const;
/** One value of {@link BlockedReason}. */
export type BlockedReason = (typeof BlockedReason)[keyof typeof BlockedReason];

/**
 * The language of code the model wrote with the code-execution tool (`executableCode.language`).
 *
 * @example
 * ```ts
 * import { Language } from '@gemgate/native-gemini';
 * Language.PYTHON; // 'PYTHON'
 * ```
 */
export const Language = {
  LANGUAGE_UNSPECIFIED: 'LANGUAGE_UNSPECIFIED',
  PYTHON: 'PYTHON',
} as const;
/** One value of {@link Language}. */
export type Language = (typeof Language)[keyof typeof Language];

/**
 * How running the model's code ended (`codeExecutionResult.outcome`).
 *
 * @example
 * ```ts
 * import { Outcome } from '@gemgate/native-gemini';
 * Outcome.OUTCOME_OK; // 'OUTCOME_OK'
 * ```
 */
export const Outcome = {
  OUTCOME_UNSPECIFIED: 'OUTCOME_UNSPECIFIED',
  OUTCOME_OK: 'OUTCOME_OK',
  OUTCOME_FAILED: 'OUTCOME_FAILED',
  OUTCOME_DEADLINE_EXCEEDED: 'OUTCOME_DEADLINE_EXCEEDED',
} as const;
/** One value of {@link Outcome}. */
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

/**
 * The type of a value in a Gemini `Schema` (`responseSchema`, function `parameters`).
 *
 * @example
 * ```ts
 * import { Type } from '@gemgate/native-gemini';
 * Type.STRING; // 'STRING'
 * ```
 */
export const Type = {
  TYPE_UNSPECIFIED: 'TYPE_UNSPECIFIED',
  STRING: 'STRING',
  NUMBER: 'NUMBER',
  INTEGER: 'INTEGER',
  BOOLEAN: 'BOOLEAN',
  ARRAY: 'ARRAY',
  OBJECT: 'OBJECT',
  NULL: 'NULL',
} as const;
/** One value of {@link Type}. */
export type Type = (typeof Type)[keyof typeof Type];
