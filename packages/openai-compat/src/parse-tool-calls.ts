import { ResponseValidationError } from '@gemgate/core-transport';
import type { WireToolCall } from './wire-types.js';

/** A tool call the model asked for, with its arguments parsed. */
export interface ToolCall {
  id: string;
  name: string;
  /** The arguments, parsed from JSON. */
  arguments: unknown;
  /** The arguments exactly as the model wrote them. */
  rawArguments: string;
  /** Gemini 3's thought signature for this call (only the first of parallel calls has one). */
  thoughtSignature: string | undefined;
}

/**
 * Parses the tool calls of one message. Arguments that are not JSON raise a
 * `ResponseValidationError` whose `responseBody` is the raw string and whose `path` names the
 * call, instead of handing the caller a string they would have to parse themselves.
 *
 * @example
 * ```ts
 * parseToolCalls({ toolCalls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] });
 * // [{ id: 'c1', name: 'f', arguments: { a: 1 }, rawArguments: '{"a":1}', thoughtSignature: undefined }]
 * ```
 */
export function parseToolCalls({
  toolCalls,
  path = 'choices.0.message.tool_calls',
}: {
  toolCalls: readonly WireToolCall[] | null | undefined;
  path?: string;
}): ToolCall[] {
  if (toolCalls === undefined || toolCalls === null) return [];
  return toolCalls.map((call, index) => {
    const name = call?.function?.name;
    if (typeof name !== 'string') {
      throw new ResponseValidationError(`Tool call ${index} has no function name.`, {
        path: `${path}.${index}.function.name`,
        responseBody: call,
      });
    }
    const wireArguments: unknown = call.function.arguments;
    // Some OpenAI-shaped upstreams send the arguments as an object instead of a JSON string.
    if (typeof wireArguments === 'object' && wireArguments !== null) {
      return {
        id: call.id,
        name,
        arguments: wireArguments,
        rawArguments: JSON.stringify(wireArguments),
        thoughtSignature: call.extra_content?.google?.thought_signature,
      };
    }
    const rawArguments = typeof wireArguments === 'string' ? wireArguments : '';
    return {
      id: call.id,
      name,
      arguments: parseArguments({ rawArguments, name, path: `${path}.${index}.function.arguments` }),
      rawArguments,
      thoughtSignature: call.extra_content?.google?.thought_signature,
    };
  });
}

function parseArguments({
  rawArguments,
  name,
  path,
}: {
  rawArguments: string;
  name: string;
  path: string;
}): unknown {
  // Gemini sends "" for a call without arguments; that means {}.
  if (rawArguments.trim() === '') return {};
  try {
    return JSON.parse(rawArguments);
  } catch (cause) {
    const preview = rawArguments.length > 200 ? `${rawArguments.slice(0, 200)}…` : rawArguments;
    throw new ResponseValidationError(`The arguments of tool call "${name}" are not valid JSON: ${preview}`, {
      path,
      responseBody: rawArguments,
      cause,
    });
  }
}
