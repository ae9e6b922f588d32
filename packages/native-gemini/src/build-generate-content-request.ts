import { InvalidArgumentError } from '@gemgate/core-transport';
import {
  checkToolName,
  checkToolSchema,
  isZodSchema,
  type JsonSchema,
  toGeminiSchema,
  toJsonSchema,
} from '@gemgate/core-transport/json-schema';
import type { z } from 'zod';
import type { GenerateContentConfig, Tool } from './generate-content-config.js';
import { generateContentConfigSchema } from './generate-content-config-schema.js';
import { type ContentListInput, normalizeContent, normalizeContents } from './normalize-contents.js';
import { parseArguments } from './parse-arguments.js';
import type { Content } from './wire-types.js';

/**
 * Fields of `config` that live at the top level of the wire request. Explicit `cachedContent`
 * in particular is silently ignored by the upstream if it lands inside `generationConfig`.
 */
const topLevelFields = new Set([
  'systemInstruction',
  'tools',
  'toolConfig',
  'safetySettings',
  'cachedContent',
]);

/**
 * Fields of `config` that steer the client and are never sent. `automaticFunctionCalling` is
 * `@google/genai`'s client-side loop, which we do not run: code migrated with it must not get
 * a 400 for an unknown `generationConfig` field.
 */
const clientOnlyFields = new Set(['abortSignal', 'httpOptions', 'automaticFunctionCalling']);

/** The wire body of `:generateContent`, and what the client keeps aside from it. */
export interface GenerateContentRequest {
  body: Record<string, unknown>;
  /** The caller's zod schema, to validate `parsed` with. */
  zodSchema: z.ZodType | undefined;
}

/** The same name and schema rules as the OpenAI route, so a tool declared once works on both. */
function checkFunctionDeclarations({ tools }: { tools: Tool[] }): void {
  tools.forEach((tool, index) => {
    tool.functionDeclarations?.forEach((declaration, position) => {
      const path = `config.tools.${index}.functionDeclarations.${position}`;
      checkToolName({ name: declaration.name, path: `${path}.name` });
      for (const field of ['parameters', 'parametersJsonSchema'] as const) {
        const schema: unknown = declaration[field];
        if (schema === undefined) continue;
        // A schema kept as JSON text is sent as a string and refused upstream with a confusing
        // validation error about the declaration, not about the string.
        if (!isSchemaObject(schema)) {
          const got =
            typeof schema === 'string'
              ? 'a string (JSON.parse it first)'
              : `${schema === null ? 'null' : typeof schema}`;
          throw new InvalidArgumentError(
            `${path}.${field} must be a JSON Schema object or a zod schema, got ${got}.`,
            { argument: `${path}.${field}` },
          );
        }
        checkToolSchema({ schema, path: `${path}.${field}` });
      }
    });
  });
}

function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `low`, `LOW`, `media_resolution_low` and `MEDIA_RESOLUTION_LOW` all mean the wire's `MEDIA_RESOLUTION_LOW`. */
function normalizeMediaResolution(value: string): string {
  const upper = value.toUpperCase();
  return upper.startsWith('MEDIA_RESOLUTION_') ? upper : `MEDIA_RESOLUTION_${upper}`;
}

/**
 * Maps the SDK-shaped `{ contents, config }` to the wire request: contents normalised,
 * `systemInstruction` / `tools` / `toolConfig` / `safetySettings` / `cachedContent` at the top
 * level, every other field (unknown ones too) in `generationConfig`, and a zod
 * `responseSchema` or `responseJsonSchema` converted. Throws `InvalidArgumentError` naming the field at fault.
 *
 * @example
 * ```ts
 * import { buildGenerateContentRequest } from '@gemgate/native-gemini';
 * const { body } = buildGenerateContentRequest({ contents: 'Hi', config: { temperature: 0.1, cachedContent: 'cachedContents/abc' } });
 * // { contents: [...], cachedContent: 'cachedContents/abc', generationConfig: { temperature: 0.1 } }
 * ```
 */
export function buildGenerateContentRequest({
  contents,
  config = {},
}: {
  contents: ContentListInput;
  config?: GenerateContentConfig | undefined;
}): GenerateContentRequest {
  parseArguments({ schema: generateContentConfigSchema, value: config, argument: 'config' });
  const body: Record<string, unknown> = { contents: normalizeContents({ contents }) };
  const generationConfig: Record<string, unknown> = {};
  let zodSchema: z.ZodType | undefined;

  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || clientOnlyFields.has(key)) continue;
    if (key === 'systemInstruction') {
      body.systemInstruction = normalizeContent({
        content: value as Content,
        argument: 'config.systemInstruction',
      });
    } else if (topLevelFields.has(key)) {
      if (key === 'tools') checkFunctionDeclarations({ tools: value as Tool[] });
      body[key] = value;
    } else if (key === 'responseSchema' && isSchemaObject(value)) {
      // A JSON Schema given here (type lists, additionalProperties, $defs) is a 400 as is:
      // it is rewritten into Gemini's subset, as @google/genai does; a subset schema keeps its meaning.
      if (isZodSchema<z.ZodType>(value)) zodSchema = value;
      const jsonSchema = toJsonSchema({ schema: value, path: 'config.responseSchema' });
      generationConfig.responseSchema = toGeminiSchema({ schema: jsonSchema, path: 'config.responseSchema' });
    } else if (key === 'responseJsonSchema' && isSchemaObject(value)) {
      if (isZodSchema<z.ZodType>(value)) zodSchema = value;
      generationConfig.responseJsonSchema = toJsonSchema({
        schema: value,
        path: 'config.responseJsonSchema',
      });
    } else if (key === 'mediaResolution') {
      generationConfig.mediaResolution = normalizeMediaResolution(value as string);
    } else {
      generationConfig[key] = value;
    }
  }
  // A schema without a JSON mime type is a 400 upstream; JSON is the only sensible choice.
  if (
    (generationConfig.responseSchema || generationConfig.responseJsonSchema) &&
    !generationConfig.responseMimeType
  ) {
    generationConfig.responseMimeType = 'application/json';
  }
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  return { body, zodSchema };
}
