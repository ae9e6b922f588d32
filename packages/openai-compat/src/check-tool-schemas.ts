import { checkToolSchema } from '@gemgate/core-transport/json-schema';
import type { ParsedChatParams } from './chat-params-schema.js';

/**
 * Checks tool parameter schemas with core's `checkToolSchema`, the rules both routes share:
 * an `enum` of anything but strings (`{ type: 'integer', enum: [1, 2] }`), which Gemini refuses
 * with a vague 400, or a BigInt or circular value, which would fail as a `TypeError` when the
 * body is written. The error names the node, so the fix is made where it belongs.
 *
 * @example
 * ```ts
 * checkToolSchemas({
 *   params: { tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties: { n: { type: 'integer', enum: [1, 2] } } } } }] },
 * }); // throws InvalidArgumentError (argument 'tools.0.function.parameters.properties.n.enum')
 * ```
 */
export function checkToolSchemas({ params }: { params: Pick<ParsedChatParams, 'tools'> }): void {
  const tools = params.tools ?? [];
  for (let index = 0; index < tools.length; index++) {
    const parameters = tools[index]!.function.parameters;
    if (parameters !== undefined) {
      checkToolSchema({ schema: parameters, path: `tools.${index}.function.parameters` });
    }
  }
}
