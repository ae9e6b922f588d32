import { InvalidArgumentError, ResponseValidationError } from '@gemgate/core-transport';
import { isZodSchema } from '@gemgate/core-transport/json-schema';
import type { z } from 'zod';
import { ChatCompletionResult } from './chat-completion-result.js';
import type { ChatCompletionCreateParams, ResponseFormatParam } from './chat-params.js';
import { contentText } from './content-text.js';
import { parseJsonContent } from './parse-json-content.js';
import { splitThoughtTags } from './split-thought-tags.js';
import type { WireChoice } from './wire-types.js';
import { zodResponseFormat } from './zod-response-format.js';

/**
 * What `chat.completions.parse` takes: `create`'s parameters without `stream`, and a
 * `response_format` that may be a zod schema itself (sent as `zodResponseFormat(schema, 'response')`).
 */
export type ChatCompletionParseParams<TParsed = unknown> = {
  [Key in keyof ChatCompletionCreateParams<TParsed> as Key extends 'response_format' | 'stream'
    ? never
    : Key]: ChatCompletionCreateParams<TParsed>[Key];
} & {
  response_format?: ResponseFormatParam<TParsed> | z.ZodType<TParsed> | undefined;
  /** `parse` reads a whole answer; stream with `create` (its `finalCompletion().parsed` is parsed the same way). */
  stream?: false | null | undefined;
};

/** A choice of a parsed completion: its message carries `parsed`. */
export type ParsedChoice<TParsed> = WireChoice & {
  message: WireChoice['message'] & {
    /** The JSON answer, validated against the zod schema when one was given; `null` without one (a tool call). */
    parsed: TParsed | null;
  };
};

/**
 * The answer of `chat.completions.parse`: a `ChatCompletionResult` whose every choice's message
 * has `parsed`, like the `openai` package's `ParsedChatCompletion`.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const completion = await client.chat.completions.parse({
 *   model: 'gemini-2.5-flash',
 *   messages: [{ role: 'user', content: 'Alice and Bob meet on 2025-03-14.' }],
 *   response_format: zodResponseFormat(z.object({ date: z.string() }), 'event'),
 * });
 * completion.choices[0]?.message.parsed?.date; // string
 * ```
 */
export class ParsedChatCompletion<TParsed = unknown> extends ChatCompletionResult<TParsed> {
  declare readonly choices: ParsedChoice<TParsed>[];

  /** @internal Built by `chat.completions.parse`. */
  constructor(options: ConstructorParameters<typeof ChatCompletionResult<TParsed>>[0]) {
    super(options);
    const { raw, requestId, responseSchema } = options;
    const expectsJson = options.expectsJson ?? responseSchema !== undefined;
    this.choices = raw.choices.map((choice, position) => ({
      ...choice,
      message: {
        ...choice.message,
        parsed: parseChoice({ choice, position, requestId, responseSchema, expectsJson }) as TParsed | null,
      },
    }));
  }
}

/**
 * The parameters `create` is sent for a `parse` call, and what the answer is checked against.
 *
 * @example
 * ```ts
 * const { params: sent, responseSchema } = toParseRequest({ params: { model, messages, response_format: Event } });
 * sent.response_format; // { type: 'json_schema', json_schema: { name: 'response', schema: Event } }
 * ```
 */
export function toParseRequest({ params }: { params: ChatCompletionParseParams }): {
  params: ChatCompletionCreateParams;
  responseSchema: z.ZodType | undefined;
  expectsJson: boolean;
} {
  if (typeof params !== 'object' || params === null) {
    throw new InvalidArgumentError('The parameters: pass an object with model and messages.', {
      argument: '',
    });
  }
  if ((params as { stream?: unknown }).stream === true) {
    throw new InvalidArgumentError(
      'stream: chat.completions.parse reads a whole answer; remove stream, or call chat.completions.create with stream: true (its finalCompletion().parsed is parsed the same way).',
      { argument: 'stream' },
    );
  }
  const given = params.response_format;
  const format: ResponseFormatParam | undefined = isZodSchema<z.ZodType>(given)
    ? zodResponseFormat(given, 'response')
    : (given as ResponseFormatParam | undefined);
  const schema = format?.type === 'json_schema' ? format.json_schema.schema : undefined;
  return {
    params: { ...params, response_format: format } as ChatCompletionCreateParams,
    responseSchema: isZodSchema<z.ZodType>(schema) ? schema : undefined,
    expectsJson: format?.type === 'json_schema' || format?.type === 'json_object',
  };
}

/**
 * One choice's JSON answer. What cannot be parsed is a `ResponseValidationError` naming the
 * choice, as the `openai` package throws for it: a refusal, an answer cut off by the token
 * limit or a content filter, content that is not JSON or does not match the schema.
 */
function parseChoice({
  choice,
  position,
  requestId,
  responseSchema,
  expectsJson,
}: {
  choice: WireChoice;
  position: number;
  requestId: string | undefined;
  responseSchema: z.ZodType | undefined;
  expectsJson: boolean;
}): unknown {
  if (!expectsJson) return null;
  const at = `choices.${position}`;
  const refusal = choice.message.refusal;
  if (refusal) {
    throw new ResponseValidationError(`The model refused to answer (${at}.message.refusal): ${refusal}`, {
      path: `${at}.message.refusal`,
      requestId,
      responseBody: refusal,
    });
  }
  if (choice.finish_reason === 'length') {
    throw new ResponseValidationError(
      `The answer was cut off at the token limit (${at}.finish_reason "length") before its JSON was complete: raise max_completion_tokens, or ask for less.`,
      { path: `${at}.finish_reason`, requestId },
    );
  }
  if (choice.finish_reason === 'content_filter') {
    throw new ResponseValidationError(
      `The answer was stopped by a content filter (${at}.finish_reason "content_filter"), so there is no JSON to parse.`,
      { path: `${at}.finish_reason`, requestId },
    );
  }
  const { text } = splitThoughtTags({ content: contentText({ content: choice.message.content }) });
  // A choice that only called tools has no JSON answer, as in the `openai` package.
  if (text === '' && choice.message.tool_calls?.length) return null;
  return parseJsonContent({
    content: text,
    schema: responseSchema,
    path: `${at}.message.content`,
    requestId,
  });
}
