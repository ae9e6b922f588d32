/**
 * `@google/genai`'s part and content builders, with the same positional signatures and the
 * same output, so code (and the gateway guide's `types.Part.from_text(...)` examples) ports line
 * by line. They are positional, unlike the rest of gemgate, because matching the official
 * signatures is their whole point.
 */
import { InvalidArgumentError } from '@gemgate/core-transport';
import type { Language, Outcome, PartMediaResolutionLevel } from './enums.js';
import type { Content, Part } from './wire-types.js';

/** A part, or a string that becomes a text part. */
export type PartUnion = Part | string;
/** One part or string, or a list of them: what `createUserContent` takes. */
export type PartListUnion = PartUnion[] | PartUnion;

/**
 * A text part.
 *
 * @example
 * ```ts
 * import { createPartFromText } from '@gemgate/native-gemini';
 * createPartFromText('Describe the image.'); // { text: 'Describe the image.' }
 * ```
 */
export function createPartFromText(text: string): Part {
  return { text };
}

/**
 * An inline-data part from base64 `data`, optionally read at its own `mediaResolution`.
 *
 * @example
 * ```ts
 * import { createPartFromBase64 } from '@gemgate/native-gemini';
 * import { readFileSync } from 'node:fs';
 * const image = createPartFromBase64(readFileSync('photo.jpeg').toString('base64'), 'image/jpeg');
 * // { inlineData: { data: '/9j/4AAQ...', mimeType: 'image/jpeg' } }
 * ```
 */
export function createPartFromBase64(
  data: string,
  mimeType: string,
  mediaResolution?: PartMediaResolutionLevel,
): Part {
  return {
    inlineData: { data, mimeType },
    ...(mediaResolution && { mediaResolution: { level: mediaResolution } }),
  };
}

/**
 * A file part from a URI (an uploaded file's `uri`, or a public URL the upstream can fetch).
 *
 * @example
 * ```ts
 * import { createPartFromUri } from '@gemgate/native-gemini';
 * createPartFromUri('https://example.com/report.pdf', 'application/pdf');
 * // { fileData: { fileUri: 'https://example.com/report.pdf', mimeType: 'application/pdf' } }
 * ```
 */
export function createPartFromUri(
  uri: string,
  mimeType: string,
  mediaResolution?: PartMediaResolutionLevel,
): Part {
  return {
    fileData: { fileUri: uri, mimeType },
    ...(mediaResolution && { mediaResolution: { level: mediaResolution } }),
  };
}

/**
 * A function-call part, as the model writes it (to replay a conversation).
 *
 * @example
 * ```ts
 * import { createPartFromFunctionCall } from '@gemgate/native-gemini';
 * createPartFromFunctionCall('get_weather', { city: 'Paris' });
 * // { functionCall: { name: 'get_weather', args: { city: 'Paris' } } }
 * ```
 */
export function createPartFromFunctionCall(name: string, args: Record<string, unknown>): Part {
  return { functionCall: { name, args } };
}

/**
 * The answer to a function call: `id` is the call's `id` (may be empty when the model gave none),
 * `response` the result object; `parts` (media the function returns) are added only when given.
 *
 * @example
 * ```ts
 * import { createPartFromFunctionResponse } from '@gemgate/native-gemini';
 * createPartFromFunctionResponse('call-1', 'get_weather', { temperature: 21 });
 * // { functionResponse: { id: 'call-1', name: 'get_weather', response: { temperature: 21 } } }
 * ```
 */
export function createPartFromFunctionResponse(
  id: string,
  name: string,
  response: Record<string, unknown>,
  parts: Record<string, unknown>[] = [],
): Part {
  return { functionResponse: { id, name, response, ...(parts.length > 0 && { parts }) } };
}

/**
 * The result of running code the model wrote (code-execution tool), to replay a conversation.
 *
 * @example
 * ```ts
 * import { createPartFromCodeExecutionResult, Outcome } from '@gemgate/native-gemini';
 * createPartFromCodeExecutionResult(Outcome.OUTCOME_OK, '42\n');
 * // { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '42\n' } }
 * ```
 */
export function createPartFromCodeExecutionResult(outcome: Outcome, output: string): Part {
  return { codeExecutionResult: { outcome, output } };
}

/**
 * Code the model wrote (code-execution tool), to replay a conversation.
 *
 * @example
 * ```ts
 * import { createPartFromExecutableCode, Language } from '@gemgate/native-gemini';
 * createPartFromExecutableCode('print(6 * 7)', Language.PYTHON);
 * // { executableCode: { code: 'print(6 * 7)', language: 'PYTHON' } }
 * ```
 */
export function createPartFromExecutableCode(code: string, language: Language): Part {
  return { executableCode: { code, language } };
}

/** The keys `@google/genai` recognises a part by. */
const partKeys = [
  'fileData',
  'text',
  'functionCall',
  'functionResponse',
  'inlineData',
  'videoMetadata',
  'codeExecutionResult',
  'executableCode',
] as const;

function isPart(value: unknown): value is Part {
  return typeof value === 'object' && value !== null && partKeys.some((key) => key in value);
}

function toParts({ partOrString, argument }: { partOrString: PartListUnion; argument: string }): Part[] {
  if (typeof partOrString === 'string') return [createPartFromText(partOrString)];
  if (isPart(partOrString)) return [partOrString];
  if (!Array.isArray(partOrString)) {
    throw new InvalidArgumentError(
      `${argument} must be a string, a part (e.g. createPartFromText('Hi')) or an array of them.`,
      { argument },
    );
  }
  if (partOrString.length === 0) {
    throw new InvalidArgumentError(`${argument} is an empty array: give at least one part or string.`, {
      argument,
    });
  }
  return partOrString.map((part, index) => {
    if (typeof part === 'string') return createPartFromText(part);
    if (isPart(part)) return part;
    throw new InvalidArgumentError(
      `${argument}[${index}] must be a string or a part with one of ${partKeys.join(', ')}.`,
      { argument: `${argument}[${index}]` },
    );
  });
}

/**
 * A `user` turn from a string, a part, or a list of them (strings become text parts).
 *
 * @example
 * ```ts
 * import { createPartFromUri, createUserContent } from '@gemgate/native-gemini';
 * const content = createUserContent([createPartFromUri('https://example.com/cat.png', 'image/png'), 'What is this?']);
 * // { role: 'user', parts: [{ fileData: { ... } }, { text: 'What is this?' }] }
 * ```
 */
export function createUserContent(partOrString: PartListUnion): Content {
  return { role: 'user', parts: toParts({ partOrString, argument: 'createUserContent(partOrString)' }) };
}

/**
 * A `model` turn from a string, a part, or a list of them (to write a conversation's history).
 *
 * @example
 * ```ts
 * import { createModelContent } from '@gemgate/native-gemini';
 * createModelContent('Paris.'); // { role: 'model', parts: [{ text: 'Paris.' }] }
 * ```
 */
export function createModelContent(partOrString: PartListUnion): Content {
  return { role: 'model', parts: toParts({ partOrString, argument: 'createModelContent(partOrString)' }) };
}
