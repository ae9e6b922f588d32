/**
 * The one JSON-schema module of gemgate (subpath `@gemgate/core-transport/json-schema`):
 * zod detection, zod to JSON Schema, JSON Schema to Gemini's OpenAPI subset, and the rules
 * both routes apply to tool names and schemas. Needs `zod` (an optional peer) only for zod input.
 *
 * @module
 */
export { checkJsonValue } from './check-json-value.js';
export { checkToolName, toolNamePattern } from './check-tool-name.js';
export { checkToolSchema } from './check-tool-schema.js';
export { isZodSchema, type ZodSchemaLike } from './is-zod-schema.js';
export { type GeminiSchema, type GeminiSchemaType, toGeminiSchema } from './to-gemini-schema.js';
export { type JsonSchema, type JsonSchemaTarget, toJsonSchema } from './to-json-schema.js';
