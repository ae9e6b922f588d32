import { InvalidArgumentError, type ToolChoice } from '@gemgate/core-transport';

/** The native route's `toolConfig` for a tool choice. */
export interface GeminiToolConfig {
  functionCallingConfig: {
    mode: 'AUTO' | 'NONE' | 'ANY' | 'VALIDATED';
    allowedFunctionNames?: string[];
  };
}

/** The OpenAI route's `tool_choice` for a tool choice. */
export type OpenAIToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { type: 'function'; function: { name: string } };

/**
 * Maps the neutral tool choice to the native route's `toolConfig`: `auto` → `AUTO`, `none` →
 * `NONE` (the declarations are still sent, so the history's calls stay valid), `required` →
 * `ANY`, `{ name }` → `ANY` with that one name, `{ allowed }` → `VALIDATED` with those names
 * (the model answers in text or calls one of them). The same mapping the native tool-loop
 * adapter sends.
 *
 * @example
 * ```ts
 * import { toGeminiToolConfig } from '@gemgate/tools';
 * toGeminiToolConfig({ toolChoice: { name: 'get_weather' } });
 * // { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] } }
 * ```
 */
export function toGeminiToolConfig({ toolChoice }: { toolChoice: ToolChoice }): GeminiToolConfig {
  if (toolChoice === 'auto') return { functionCallingConfig: { mode: 'AUTO' } };
  if (toolChoice === 'none') return { functionCallingConfig: { mode: 'NONE' } };
  if (toolChoice === 'required') return { functionCallingConfig: { mode: 'ANY' } };
  if (typeof toolChoice === 'object' && toolChoice !== null) {
    if ('name' in toolChoice) {
      return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [toolChoice.name] } };
    }
    if ('allowed' in toolChoice) {
      return { functionCallingConfig: { mode: 'VALIDATED', allowedFunctionNames: [...toolChoice.allowed] } };
    }
  }
  return unknownChoice(toolChoice);
}

/**
 * Maps the neutral tool choice to the OpenAI route's `tool_choice`, and says which of the
 * declared tools to send: `auto`, `none` (declarations still sent: the gateway wants an
 * explicit `tool_choice` whenever tools are sent), `required`, `{ name }` →
 * `{ type: 'function', function: { name } }`, and `{ allowed }` → `auto` with only those
 * tools sent (the gateway takes no `allowed_tools`). The same mapping the OpenAI tool-loop
 * adapter sends.
 *
 * @example
 * ```ts
 * import { toOpenAIToolChoice } from '@gemgate/tools';
 * toOpenAIToolChoice({ toolChoice: { allowed: ['get_weather'] } });
 * // { toolChoice: 'auto', sentToolNames: ['get_weather'] }
 * ```
 */
export function toOpenAIToolChoice({ toolChoice }: { toolChoice: ToolChoice }): {
  toolChoice: OpenAIToolChoice;
  /** The tools to send; `undefined`: all declared. */
  sentToolNames: string[] | undefined;
} {
  if (toolChoice === 'auto' || toolChoice === 'none' || toolChoice === 'required') {
    return { toolChoice, sentToolNames: undefined };
  }
  if (typeof toolChoice === 'object' && toolChoice !== null) {
    if ('name' in toolChoice) {
      return {
        toolChoice: { type: 'function', function: { name: toolChoice.name } },
        sentToolNames: undefined,
      };
    }
    if ('allowed' in toolChoice) return { toolChoice: 'auto', sentToolNames: [...toolChoice.allowed] };
  }
  return unknownChoice(toolChoice);
}

/**
 * Checks a tool choice against the declared tools, so a name the model cannot call fails
 * before anything is sent.
 *
 * @example
 * ```ts
 * checkToolChoice({ toolChoice: { name: 'get_weather' }, toolNames: ['get_weather'] }); // passes
 * ```
 */
export function checkToolChoice({
  toolChoice,
  toolNames,
  path = 'toolChoice',
}: {
  toolChoice: ToolChoice;
  toolNames: readonly string[];
  path?: string;
}): void {
  toGeminiToolConfig({ toolChoice });
  if (typeof toolChoice !== 'object') return;
  const names = 'name' in toolChoice ? [toolChoice.name] : [...toolChoice.allowed];
  if ('allowed' in toolChoice && names.length === 0) {
    throw new InvalidArgumentError(`${path}.allowed is empty: name at least one tool, or use 'none'.`, {
      argument: `${path}.allowed`,
    });
  }
  for (const name of names) {
    if (!toolNames.includes(name)) {
      throw new InvalidArgumentError(
        `${path} names "${name}", which is not among the tools (${toolNames.join(', ') || 'none'}): name a declared tool.`,
        { argument: path },
      );
    }
  }
}

function unknownChoice(toolChoice: unknown): never {
  throw new InvalidArgumentError(
    `toolChoice ${JSON.stringify(toolChoice)} is not a tool choice: use 'auto', 'none', 'required', { name } or { allowed: [...] }.`,
    { argument: 'toolChoice' },
  );
}
