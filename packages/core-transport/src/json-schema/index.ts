/**
 * The one JSON-schema module of gemgate (subpath `@gemgate/core-transport/json-schema`):
 * zod detection, zod to JSON Schema, JSON Schema to Gemini's OpenAPI subset, and the rules
 * both routes apply to tool names and schemas. Needs `zod` (an optional peer) only for zod input.
 *
 * @module
 */
export {};
