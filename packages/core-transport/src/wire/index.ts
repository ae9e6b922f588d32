/**
 * The wire shapes of both routes, each written once as a lenient zod schema (unknown fields
 * kept) with its TypeScript type inferred from it (subpath `@gemgate/core-transport/wire`).
 * Needs `zod`, an optional peer of this package. Each schema is built the first time its
 * `schema` is read, so importing this module constructs none of them.
 *
 * @module
 */
export * from './gemini-content.js';
export * from './gemini-request.js';
export * from './gemini-response.js';
export { isCommonChatCompletionChunk } from './is-common-chat-completion-chunk.js';
export { isCommonGenerateContentResponse } from './is-common-generate-content-response.js';
export * from './openai-request.js';
export * from './openai-response.js';
export { validateWire } from './validate-wire.js';
export { defineWireShape, type WireInput, type WireOutput, type WireShape } from './wire-shape.js';
