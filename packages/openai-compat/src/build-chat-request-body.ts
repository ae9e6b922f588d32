import { isBinarySlot, type RequestBody } from '@gemgate/core-transport';
import { isZodSchema, toJsonSchema } from '@gemgate/core-transport/json-schema';
import type { z } from 'zod';
import type { ParsedChatParams } from './chat-params-schema.js';

/** The wire body of one chat call, and what the response helpers need to know about it. */
export interface ChatRequestPlan {
  body: Record<string, unknown>;
  /**
   * What the transport is given: `body`, or `body` marked `json-with-binary` when a media part
   * carries a `BinarySlot`, so its base64 is streamed with an exact content-length.
   */
  requestBody: Record<string, unknown> | RequestBody;
  stream: boolean;
  /** The caller's zod schema for `response_format`, used to validate `parsed`. */
  responseSchema: z.ZodType | undefined;
  /** Whether the answer is expected to be JSON (`json_schema` or `json_object`). */
  expectsJson: boolean;
}

/**
 * Turns validated parameters into the body the gateway accepts, applying its rules for the
 * OpenAI route. Each rule names the quirk it serves.
 *
 * @example
 * ```ts
 * const plan = buildChatRequestBody({ params: { model: 'gemini-2.0-flash', messages: [{ role: 'user', content: 'Hi' }], tools } });
 * plan.body.tool_choice; // 'auto'
 * ```
 */
export function buildChatRequestBody({ params }: { params: ParsedChatParams }): ChatRequestPlan {
  const body: Record<string, unknown> = { ...params };
  const stream = params.stream === true;

  // Ask for usage on the last chunk unless the caller chose otherwise (null means "send none").
  if (stream) {
    if (params.stream_options === undefined) body.stream_options = { include_usage: true };
    else if (params.stream_options === null) delete body.stream_options;
  } else {
    // The upstream rejects stream_options on a call that does not stream.
    delete body.stream_options;
    if (params.stream === null) delete body.stream;
  }

  const tools = params.tools ?? [];
  if (tools.length === 0) {
    // Gemini behind the gateway rejects a tool_choice (and an empty tools list) with nothing to choose from.
    delete body.tools;
    delete body.tool_choice;
  } else {
    body.tools = tools.map((tool, index) =>
      isZodSchema(tool.function.parameters)
        ? {
            ...tool,
            function: {
              ...tool.function,
              parameters: toJsonSchema({
                schema: tool.function.parameters,
                path: `tools.${index}.function.parameters`,
              }),
            },
          }
        : tool,
    );
    // The gateway errors on tools sent without tool_choice (the seed): "auto" is what the caller means.
    if (params.tool_choice === undefined) body.tool_choice = 'auto';
  }

  // Google's OpenAI endpoint documents thinking_level in lower case; the official enum
  // (`ThinkingLevel.HIGH`) is upper case, so either spelling is sent the documented way.
  const thinkingConfig = params.extra_body?.google?.thinking_config;
  if (typeof thinkingConfig?.thinking_level === 'string') {
    const google = params.extra_body!.google!;
    body.extra_body = {
      ...params.extra_body,
      google: {
        ...google,
        thinking_config: { ...thinkingConfig, thinking_level: thinkingConfig.thinking_level.toLowerCase() },
      },
    };
  }

  let responseSchema: z.ZodType | undefined;
  const format = params.response_format;
  if (format?.type === 'json_schema' && format.json_schema.schema !== undefined) {
    const schema = format.json_schema.schema;
    if (isZodSchema<z.ZodType>(schema)) responseSchema = schema;
    // A JSON Schema object is checked too (a BigInt or a circular object is named here rather
    // than failing as a TypeError when the body is written) and sent without `$schema`.
    body.response_format = {
      ...format,
      json_schema: {
        ...format.json_schema,
        schema: toJsonSchema({ schema, path: 'response_format.json_schema.schema' }),
      },
    };
  }

  return {
    body,
    requestBody: messagesCarryBinary({ messages: params.messages })
      ? { kind: 'json-with-binary', value: body }
      : body,
    stream,
    responseSchema,
    expectsJson: format?.type === 'json_schema' || format?.type === 'json_object',
  };
}

/**
 * Whether a user message's media part carries a `BinarySlot`. Looks only at the three fields
 * that take base64, so a request without media costs one look per part.
 */
function messagesCarryBinary({ messages }: { messages: ParsedChatParams['messages'] }): boolean {
  for (const message of messages) {
    if (message.role !== 'user' || !Array.isArray(message.content)) continue;
    for (const part of message.content) {
      if (part.type === 'image_url' && isBinarySlot(part.image_url.url)) return true;
      if (part.type === 'input_audio' && isBinarySlot(part.input_audio.data)) return true;
      if (part.type === 'file' && isBinarySlot(part.file.file_data)) return true;
    }
  }
  return false;
}
