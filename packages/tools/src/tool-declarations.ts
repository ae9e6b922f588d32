import type { GeminiSchema } from '@gemgate/core-transport/json-schema';
import { toGeminiSchema } from '@gemgate/core-transport/json-schema';
import type { AnyTool } from './tool.js';

/** One entry of a native `functionDeclarations` list. */
export interface GeminiFunctionDeclaration {
  name: string;
  description?: string;
  /** The OpenAPI subset (`schemaFormat: 'openapi'`). */
  parameters?: GeminiSchema;
  /** The full JSON Schema (`schemaFormat: 'json-schema'`, Gemini 2.5 and later). */
  parametersJsonSchema?: Record<string, unknown>;
}

/** One entry of an OpenAI `tools` list. */
export interface OpenAIFunctionTool {
  type: 'function';
  function: { name: string; description?: string; parameters: Record<string, unknown> };
}

/**
 * The native route's tool for these tools: `{ functionDeclarations }`, each schema in Gemini's
 * OpenAPI subset (`parameters`, the default: every Gemini model takes it) or as the full JSON
 * Schema (`parametersJsonSchema`, what the tool-loop adapter sends; Gemini 2.5 and later).
 * Put it in `config.tools` of a call you make yourself.
 *
 * @example
 * ```ts
 * import { defineTool, toGeminiFunctionDeclarations } from '@gemgate/tools';
 * const clock = defineTool({ name: 'clock', execute: () => new Date().toISOString() });
 * await gemini.models.generateContent({
 *   model: 'gemini-2.0-flash',
 *   contents: 'What time is it?',
 *   config: { tools: [toGeminiFunctionDeclarations({ tools: [clock] })] },
 * });
 * ```
 */
export function toGeminiFunctionDeclarations({
  tools,
  schemaFormat = 'openapi',
}: {
  tools: readonly AnyTool[];
  schemaFormat?: 'openapi' | 'json-schema' | undefined;
}): { functionDeclarations: GeminiFunctionDeclaration[] } {
  return {
    functionDeclarations: tools.map((tool, index) => ({
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      ...(schemaFormat === 'openapi'
        ? { parameters: toGeminiSchema({ schema: tool.parameters, path: `tools.${index}.parameters` }) }
        : { parametersJsonSchema: tool.parameters }),
    })),
  };
}

/**
 * The OpenAI route's `tools` for these tools (`{ type: 'function', function }`, the JSON
 * Schema as `parameters`). Send a `tool_choice` with them: the gateway refuses tools without one.
 *
 * @example
 * ```ts
 * import { defineTool, toOpenAITools } from '@gemgate/tools';
 * const clock = defineTool({ name: 'clock', execute: () => new Date().toISOString() });
 * await client.chat.completions.create({
 *   model: 'gemini-2.0-flash',
 *   messages: [{ role: 'user', content: 'What time is it?' }],
 *   tools: toOpenAITools({ tools: [clock] }),
 *   tool_choice: 'auto',
 * });
 * ```
 */
export function toOpenAITools({ tools }: { tools: readonly AnyTool[] }): OpenAIFunctionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      parameters: tool.parameters,
    },
  }));
}
