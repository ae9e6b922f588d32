import { decideThinking, requiresThoughtSignatures } from '../answer/decide-thinking.js';
import { type ImplicitCache, type PromptBlock, textBlocks } from '../answer/implicit-cache.js';
import type { DeclaredFunction, FunctionMode, NeutralRequest } from '../answer/neutral-request.js';
import { thinkingErrorFor } from '../answer/thinking-error.js';
import type { ErrorReply } from '../http/error-reply.js';
import { keyJson } from '../text/canonical-json.js';
import { countMediaTokens, countTextTokens, type Modality } from '../text/count-tokens.js';
import { upstreamModelOf, upstreamReasoningEffortBudgets } from '../upstream/upstream-rules.js';

type Body = Record<string, any>;
type Message = Record<string, any>;

/**
 * Reads a `/v1/chat/completions` body into the neutral request, answering the 400s the gateway
 * gives: tools without `tool_choice`, a `reasoning_effort` the family does not take (any but
 * `none` on `-nothink` ids), and a Gemini 3 tool call sent back without its thought signature.
 */
export function readOpenaiRequest({
  body,
  seedKey,
  implicitCache,
}: {
  body: Body;
  seedKey: string;
  implicitCache: ImplicitCache;
}): { request: NeutralRequest } | { error: ErrorReply } {
  const model = String(body.model ?? '');
  if (!model) return { error: invalid({ message: 'you must provide a model parameter', param: 'model' }) };
  const messages: Message[] = Array.isArray(body.messages) ? body.messages : [];
  if (messages.length === 0)
    return { error: invalid({ message: 'messages must not be empty', param: 'messages' }) };
  // Bad shapes are the caller's 400 (as OpenAI words it), never a crash of the mock.
  const badMessage = messages.findIndex((message) => !isObject(message) || typeof message.role !== 'string');
  if (badMessage >= 0) {
    return {
      error: invalid({
        message: `Invalid type for 'messages[${badMessage}]': expected an object with a string 'role'.`,
        param: `messages[${badMessage}]`,
      }),
    };
  }
  if (body.tools !== undefined && body.tools !== null && !Array.isArray(body.tools)) {
    return { error: invalid({ message: "Invalid type for 'tools': expected an array.", param: 'tools' }) };
  }
  const tools: Body[] = Array.isArray(body.tools) ? body.tools : [];
  const badTool = tools.findIndex((tool) => !isObject(tool));
  if (badTool >= 0) {
    return {
      error: invalid({
        message: `Invalid type for 'tools[${badTool}]': expected an object.`,
        param: `tools[${badTool}]`,
      }),
    };
  }
  // The gateway's quirk (seed): Gemini over the OpenAI route needs an explicit tool_choice with tools.
  if (tools.length > 0 && body.tool_choice === undefined) {
    return {
      error: invalid({
        message:
          'Gemini function calling through the OpenAI-compatible endpoint requires tool_choice when tools are provided: pass tool_choice: "auto".',
        param: 'tool_choice',
      }),
    };
  }
  if (tools.length === 0 && body.tool_choice !== undefined && body.tool_choice !== null) {
    return {
      error: invalid({
        message: "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
        param: 'tool_choice',
      }),
    };
  }
  for (const param of ['max_tokens', 'max_completion_tokens'] as const) {
    const limit = body[param];
    if (limit !== undefined && limit !== null && !(Number.isInteger(limit) && limit > 0)) {
      return { error: invalid({ message: `Invalid '${param}': expected a positive integer.`, param }) };
    }
  }
  const stop = body.stop;
  if (
    stop !== undefined &&
    stop !== null &&
    typeof stop !== 'string' &&
    !(Array.isArray(stop) && stop.every((item) => typeof item === 'string'))
  ) {
    return {
      error: invalid({ message: "Invalid 'stop': expected a string or a list of strings.", param: 'stop' }),
    };
  }
  const toolError = toolDeclarationError(tools);
  if (toolError) return { error: toolError };
  const effort = body.reasoning_effort as string | undefined;
  const info = upstreamModelOf(model);
  if (effort !== undefined) {
    if (info?.variant === 'nothink' && effort !== 'none') {
      return {
        error: invalid({
          message: `${model} does not think: reasoning_effort "${effort}" is not supported (use "none" or the model id without -nothink).`,
          param: 'reasoning_effort',
        }),
      };
    }
    if (info && info.variant !== 'nothink' && !info.thinking.reasoningEfforts.includes(effort)) {
      return {
        error: invalid({
          message: `reasoning_effort "${effort}" is not supported by ${model}: use one of ${info.thinking.reasoningEfforts.join(', ')}.`,
          param: 'reasoning_effort',
        }),
      };
    }
  }
  if (requiresThoughtSignatures(model)) {
    const missing = missingSignature(messages);
    if (missing) return { error: missing };
  }

  const googleThinking: Body = body.extra_body?.google?.thinking_config ?? {};
  // The same model rules as the native route: Google's compatibility layer passes these through.
  const thinkingError = thinkingErrorFor({
    model,
    thinkingConfig: {
      thinkingBudget: googleThinking.thinking_budget,
      thinkingLevel: googleThinking.thinking_level,
      includeThoughts: googleThinking.include_thoughts,
    },
  });
  if (thinkingError) {
    return {
      error: {
        ...thinkingError,
        param: 'extra_body.google.thinking_config',
        openaiType: 'invalid_request_error',
      },
    };
  }
  const budget =
    effort !== undefined && info && info.thinking.levels.length === 0
      ? upstreamReasoningEffortBudgets[effort]
      : googleThinking.thinking_budget;
  const thinks = decideThinking({
    model,
    thinkingBudget: effort === 'none' ? 0 : budget,
    thinkingLevel: effort !== undefined && info && info.thinking.levels.length > 0 ? effort : undefined,
    includeThoughts: googleThinking.include_thoughts,
  });

  const { byModality, blocks } = countMessages({ messages, tools });
  const cachedTokens = implicitCache.lookupAndRemember({ model, blocks });
  const lastUser = [...messages].reverse().find((message) => message.role === 'user');
  const json = jsonModeOf(body.response_format);
  return {
    request: {
      model,
      seedKey,
      lastUserText: lastUser ? textOf(lastUser.content) : '',
      functionResults: trailingToolResults(messages),
      functions: tools
        .filter((tool) => tool.type === 'function' && tool.function?.name)
        .map((tool): DeclaredFunction => ({ name: tool.function.name, schema: tool.function.parameters })),
      functionMode: functionModeOf(body.tool_choice),
      codeExecution: false,
      search: info?.variant === 'search',
      streamFunctionCallArguments: false,
      json,
      thinks,
      showThoughts:
        thinks && ((effort !== undefined && effort !== 'none') || googleThinking.include_thoughts === true),
      thinkingBudget: typeof budget === 'number' ? budget : undefined,
      maxOutputTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
      stopSequences: typeof stop === 'string' ? [stop] : Array.isArray(stop) ? stop : [],
      promptTokens: byModality,
      cachedTokens,
    },
  };
}

const toolNamePattern = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/** Gemini's limits on declarations: tool names by pattern, and `enum` only on strings. */
function toolDeclarationError(tools: Body[]): ErrorReply | undefined {
  for (const [index, tool] of tools.entries()) {
    const name = String(tool.function?.name ?? '');
    if (!toolNamePattern.test(name)) {
      return invalid({
        message: `Invalid function name "${name}": it must start with a letter or an underscore and contain only a-z, A-Z, 0-9, underscores, dots and dashes, 64 characters at most.`,
        param: `tools[${index}].function.name`,
      });
    }
    const enumPath = nonStringEnum(tool.function?.parameters, 'parameters');
    if (enumPath) {
      return invalid({
        message: `Invalid schema for function "${name}": enum is only supported for STRING type (at ${enumPath}).`,
        param: `tools[${index}].function.${enumPath}`,
      });
    }
  }
  return undefined;
}

function nonStringEnum(schema: unknown, path: string): string | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const node = schema as Body;
  const type = typeof node.type === 'string' ? node.type.toLowerCase() : undefined;
  if (Array.isArray(node.enum) && type !== undefined && type !== 'string') return path;
  for (const [name, child] of Object.entries((node.properties ?? {}) as Body)) {
    const found = nonStringEnum(child, `${path}.properties.${name}`);
    if (found) return found;
  }
  return nonStringEnum(node.items, `${path}.items`);
}

function invalid({ message, param }: { message: string; param: string }): ErrorReply {
  return {
    status: 400,
    message,
    param,
    openaiType: 'invalid_request_error',
    openaiCode: 'invalid_request_error',
  };
}

/** Text of an OpenAI message content (a string, or text parts of an array). */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (part?.type === 'text' ? String(part.text ?? '') : '')).join('');
}

function countMessages({ messages, tools }: { messages: Message[]; tools: Body[] }) {
  const byModality: Partial<Record<Modality, number>> = {};
  const blocks: PromptBlock[] = [];
  const add = (modality: Modality, tokens: number) => {
    byModality[modality] = (byModality[modality] ?? 0) + tokens;
    return tokens;
  };
  if (tools.length > 0) {
    const text = JSON.stringify(tools);
    blocks.push({ key: `tools:${text}`, tokens: add('TEXT', countTextTokens(text)) });
  }
  for (const message of messages) {
    blocks.push({ key: `message:${message.role}`, tokens: 0 });
    const content = message.content;
    const addText = (text: string) => {
      add('TEXT', countTextTokens(text));
      blocks.push(...textBlocks({ text }));
    };
    if (typeof content === 'string') addText(content);
    else if (Array.isArray(content)) {
      for (const part of content) {
        if (part?.type === 'text') addText(String(part.text ?? ''));
        else if (part?.type === 'image_url') {
          const url = String(part.image_url?.url ?? '');
          const data = /^data:([^;,]+);base64,(.*)$/s.exec(url);
          const counted = countMediaTokens({ mimeType: data?.[1] ?? 'image/jpeg', data: data?.[2] ?? '' });
          blocks.push({ key: keyJson(part), tokens: add(counted.modality, counted.tokens) });
        } else if (part?.type === 'input_audio') {
          const counted = countMediaTokens({
            mimeType: `audio/${part.input_audio?.format ?? 'wav'}`,
            data: String(part.input_audio?.data ?? ''),
          });
          blocks.push({ key: keyJson(part), tokens: add(counted.modality, counted.tokens) });
        }
      }
    }
    if (Array.isArray(message.tool_calls)) {
      const text = JSON.stringify(message.tool_calls);
      blocks.push({ key: `tool_calls:${text}`, tokens: add('TEXT', countTextTokens(text)) });
    }
    if (message.tool_call_id !== undefined)
      blocks.push({ key: `tool_call_id:${message.tool_call_id}`, tokens: 0 });
  }
  return { byModality, blocks };
}

function trailingToolResults(messages: Message[]): { name: string; response: unknown }[] {
  const results: { name: string; response: unknown }[] = [];
  let index = messages.length - 1;
  while (index >= 0 && messages[index]?.role === 'tool') index--;
  const assistant = messages[index];
  for (const message of messages.slice(index + 1)) {
    const calls: unknown[] = Array.isArray(assistant?.tool_calls) ? assistant.tool_calls : [];
    const call = calls.find((item): item is Body => isObject(item) && item.id === message.tool_call_id);
    const text = textOf(message.content);
    let response: unknown = text;
    try {
      response = JSON.parse(text);
    } catch {
      // A plain-text tool result is reported as it is.
    }
    results.push({ name: call?.function?.name ?? message.name ?? 'tool', response });
  }
  return results;
}

function functionModeOf(choice: unknown): FunctionMode {
  if (choice === 'none') return { kind: 'none' };
  if (choice === 'required') return { kind: 'any', allowed: [] };
  if (choice && typeof choice === 'object') {
    const name = (choice as Body).function?.name;
    return { kind: 'any', allowed: name ? [name] : [] };
  }
  return { kind: 'auto' };
}

function jsonModeOf(format: Body | undefined): { schema: unknown } | undefined {
  if (format?.type === 'json_schema') return { schema: format.json_schema?.schema };
  if (format?.type === 'json_object') return { schema: undefined };
  return undefined;
}

function missingSignature(messages: Message[]): ErrorReply | undefined {
  let start = 0;
  messages.forEach((message, index) => {
    if (message.role === 'user') start = index + 1;
  });
  for (const message of messages.slice(start)) {
    if (message.role !== 'assistant' || !Array.isArray(message.tool_calls) || message.tool_calls.length === 0)
      continue;
    const first = message.tool_calls[0];
    // Google's layer accepts the signature back where it put it: the first call, or the message.
    if (
      !first?.extra_content?.google?.thought_signature &&
      !message.extra_content?.google?.thought_signature
    ) {
      return {
        status: 400,
        message: `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${first?.function?.name}\` , position 1. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`,
        param: 'messages',
        openaiType: 'invalid_request_error',
        openaiCode: 'invalid_request_error',
      };
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
