import type { ErrorReply } from '../http/error-reply.js';

type Body = Record<string, any>;

/**
 * The 400 the real API gives a native body whose shape is wrong (a `contents` entry that is not a
 * `Content`, `parts` that is not a list, ...), or `undefined` when the shape is readable. Checked
 * before anything reads the body, so bad input is the caller's 400, never the mock's 500.
 *
 * @example
 * ```ts
 * nativeBodyError({ body: { contents: [{ parts: 'hi' }] }, requireContents: true });
 * // { status: 400, message: "Invalid JSON payload received. Invalid value at 'contents[0].parts': ..." }
 * ```
 */
export function nativeBodyError({
  body,
  requireContents,
}: {
  body: Body;
  /** `generateContent` needs at least one content; `cachedContents` and `countTokens` do not. */
  requireContents: boolean;
}): ErrorReply | undefined {
  const contents = body.contents;
  if (contents !== undefined && !Array.isArray(contents))
    return invalidValue({ at: 'contents', expected: 'a list of Content objects' });
  for (const [index, content] of (contents ?? []).entries()) {
    const problem = contentProblem({ content, at: `contents[${index}]` });
    if (problem) return problem;
  }
  if (
    requireContents &&
    (contents === undefined || contents.length === 0) &&
    body.cachedContent === undefined
  ) {
    return { status: 400, message: '* GenerateContentRequest.contents: contents is not specified' };
  }
  const system = body.systemInstruction;
  if (system !== undefined && typeof system !== 'string' && !Array.isArray(system)) {
    const problem = contentProblem({ content: system, at: 'system_instruction' });
    if (problem) return problem;
  }
  const config = body.generationConfig;
  if (config !== undefined && !isObject(config)) {
    return invalidValue({ at: 'generation_config', expected: 'a GenerationConfig object' });
  }
  const maxOutputTokens = config?.maxOutputTokens;
  if (maxOutputTokens !== undefined && !(Number.isInteger(maxOutputTokens) && maxOutputTokens > 0)) {
    return invalidValue({ at: 'generation_config.max_output_tokens', expected: 'a positive integer' });
  }
  const stopSequences = config?.stopSequences;
  if (
    stopSequences !== undefined &&
    !(Array.isArray(stopSequences) && stopSequences.every((stop) => typeof stop === 'string'))
  ) {
    return invalidValue({ at: 'generation_config.stop_sequences', expected: 'a list of strings' });
  }
  const allowed = body.toolConfig?.functionCallingConfig?.allowedFunctionNames;
  if (
    allowed !== undefined &&
    !(Array.isArray(allowed) && allowed.every((name) => typeof name === 'string'))
  ) {
    return invalidValue({
      at: 'tool_config.function_calling_config.allowed_function_names',
      expected: 'a list of strings',
    });
  }
  const tools = body.tools;
  if (tools !== undefined && !Array.isArray(tools))
    return invalidValue({ at: 'tools', expected: 'a list of Tool objects' });
  for (const [index, tool] of (tools ?? []).entries()) {
    if (!isObject(tool)) return invalidValue({ at: `tools[${index}]`, expected: 'a Tool object' });
    const declarations = tool.functionDeclarations;
    if (declarations === undefined) continue;
    if (!Array.isArray(declarations)) {
      return invalidValue({
        at: `tools[${index}].function_declarations`,
        expected: 'a list of FunctionDeclaration objects',
      });
    }
    for (const [position, declaration] of declarations.entries()) {
      if (!isObject(declaration) || typeof declaration.name !== 'string' || declaration.name === '') {
        return {
          status: 400,
          message: `* GenerateContentRequest.tools[${index}].function_declarations[${position}].name: Invalid function name. Must start with a letter or an underscore.`,
        };
      }
    }
  }
  return undefined;
}

function contentProblem({ content, at }: { content: unknown; at: string }): ErrorReply | undefined {
  if (!isObject(content)) return invalidValue({ at, expected: 'a Content object' });
  const parts = content.parts;
  if (parts === undefined) return undefined;
  if (!Array.isArray(parts)) return invalidValue({ at: `${at}.parts`, expected: 'a list of Part objects' });
  for (const [index, part] of parts.entries()) {
    if (!isObject(part)) return invalidValue({ at: `${at}.parts[${index}]`, expected: 'a Part object' });
    const inline = part.inlineData;
    if (inline !== undefined && (!isObject(inline) || typeof inline.data !== 'string')) {
      return invalidValue({ at: `${at}.parts[${index}].inline_data`, expected: 'a Blob with base64 data' });
    }
  }
  return undefined;
}

function invalidValue({ at, expected }: { at: string; expected: string }): ErrorReply {
  return {
    status: 400,
    message: `Invalid JSON payload received. Invalid value at '${at}': expected ${expected}.`,
  };
}

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
