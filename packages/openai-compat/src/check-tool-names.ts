import { InvalidArgumentError } from '@gemgate/core-transport';
import { checkToolName } from '@gemgate/core-transport/json-schema';
import type { ParsedChatParams } from './chat-params-schema.js';

/**
 * Checks every tool name against core's `toolNamePattern` (the rule of both routes) and for
 * duplicates, and that a forced `tool_choice` names a declared tool, so the mistake is reported
 * here rather than as an upstream 400.
 *
 * @example
 * ```ts
 * checkToolNames({ params: { model: 'gemini-2.5-flash', messages: [], tools: [{ type: 'function', function: { name: 'get weather' } }] } });
 * // throws InvalidArgumentError (argument 'tools.0.function.name')
 * ```
 */
export function checkToolNames({
  params,
}: {
  params: Pick<ParsedChatParams, 'tools' | 'tool_choice'>;
}): void {
  const tools = params.tools ?? [];
  tools.forEach((tool, index) => {
    const name = tool.function.name;
    checkToolName({ name, path: `tools.${index}.function.name` });
    // Gemini refuses two declarations of one name; tool lists are short, so a scan is cheapest.
    for (let earlier = 0; earlier < index; earlier++) {
      if (tools[earlier]!.function.name === name) {
        throw new InvalidArgumentError(
          `tools.${index}.function.name "${name}" is declared twice (also tools.${earlier}): give each tool its own name.`,
          { argument: `tools.${index}.function.name` },
        );
      }
    }
  });
  const choice = params.tool_choice;
  if (typeof choice === 'object' && tools.length > 0) {
    const forced = choice.function.name;
    if (!tools.some((tool) => tool.function.name === forced)) {
      throw new InvalidArgumentError(
        `tool_choice.function.name "${forced}" is not one of the declared tools (${tools.map((tool) => tool.function.name).join(', ')}).`,
        { argument: 'tool_choice.function.name' },
      );
    }
  }
}
