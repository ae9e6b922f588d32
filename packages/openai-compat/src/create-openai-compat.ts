import {
  type ClientOptions,
  createTransport,
  ResponseValidationError,
  resolveBaseURL,
  type ToolLoopClient,
  type Transport,
  type TransportRequest,
  type TransportResponse,
  toolLoopAdapterKey,
} from '@gemgate/core-transport';
import { clientLogger, sourcedRequest } from '@gemgate/core-transport/internal';
import { chatCompletionShape, validateWire } from '@gemgate/core-transport/wire';
import { APIPromise, type CallAnswer } from './api-promise.js';
import { buildChatRequestBody } from './build-chat-request-body.js';
import { ChatCompletionResult } from './chat-completion-result.js';
import { ChatCompletionStream } from './chat-completion-stream.js';
import type { ChatCompletionCreateParams, RequestOptions } from './chat-params.js';
import { checkCachedContent } from './check-cached-content.js';
import { checkClientOptions } from './check-client-options.js';
import { checkReasoningSettings } from './check-reasoning-settings.js';
import { checkRequestValues } from './check-request-values.js';
import { checkToolNames } from './check-tool-names.js';
import { checkToolSchemas } from './check-tool-schemas.js';
import { createEmbeddings, type EmbeddingCreateParams, type EmbeddingResult } from './embeddings.js';
import { listModels, type Model, type ModelListPromise, retrieveModel } from './list-models.js';
import { parseChatParams } from './parse-chat-params.js';
import {
  type ChatCompletionParseParams,
  ParsedChatCompletion,
  toParseRequest,
} from './parsed-chat-completion.js';
import { readJsonAnswer } from './read-json-answer.js';
import { transportOptionsOf } from './request-options.js';
import { resolveMediaParts } from './resolve-media-parts.js';
import { createOpenAIToolLoopAdapter } from './tool-loop-adapter.js';

/** What `createOpenAICompat` takes: the options of both clients. Every field is optional; any other is an `InvalidArgumentError`. */
export interface OpenAICompatOptions extends ClientOptions {
  /** Defaults to `AIHUBMIX_BASE_URL`, else `https://aihubmix.com/v1`; a bare host gets `/v1` appended. */
  baseURL?: string | undefined;
}

/**
 * The client: `chat.completions`, `models`, `embeddings`, as in the `openai` package. A
 * `ToolLoopClient`, so `@gemgate/tools` runs its tool loop on it.
 */
export interface OpenAICompatClient extends ToolLoopClient {
  readonly baseURL: string;
  readonly chat: {
    readonly completions: {
      create<TParsed = unknown>(
        params: ChatCompletionCreateParams<TParsed> & { stream: true },
        options?: RequestOptions,
      ): APIPromise<ChatCompletionStream<TParsed>>;
      create<TParsed = unknown>(
        params: ChatCompletionCreateParams<TParsed> & { stream?: false | null | undefined },
        options?: RequestOptions,
      ): APIPromise<ChatCompletionResult<TParsed>>;
      create<TParsed = unknown>(
        params: ChatCompletionCreateParams<TParsed>,
        options?: RequestOptions,
      ): APIPromise<ChatCompletionResult<TParsed> | ChatCompletionStream<TParsed>>;
      /**
       * Structured output, as the `openai` package's `parse`: `response_format` is
       * `zodResponseFormat(schema, name)` (or the zod schema itself), and every choice's
       * `message.parsed` is the answer validated against it. A refusal, an answer cut off
       * (`length`, `content_filter`), JSON that does not parse or match is a
       * `ResponseValidationError` naming the choice.
       */
      parse<TParsed = unknown>(
        params: ChatCompletionParseParams<TParsed>,
        options?: RequestOptions,
      ): APIPromise<ParsedChatCompletion<TParsed>>;
    };
  };
  readonly models: {
    list(options?: RequestOptions): ModelListPromise;
    /** The model the gateway lists under `id` (from `GET models`); a `NotFoundError` when it lists none. */
    retrieve(id: string, options?: RequestOptions): APIPromise<Model>;
  };
  readonly embeddings: {
    create(params: EmbeddingCreateParams, options?: RequestOptions): APIPromise<EmbeddingResult>;
  };
  /**
   * Closes the client's connection pool. Streams whose answer is open but not being read yet
   * are ended first (their loop is over and `finalCompletion()` rejects with an
   * `AbortedError`); a stream being read keeps its connection until its loop ends or breaks.
   */
  close(): Promise<void>;
}

/**
 * Creates a client for Gemini over the gateway's OpenAI-compatible route. It takes the
 * `openai` package's shapes and applies the gateway's rules (tool_choice, reasoning settings,
 * `-nothink` ids) before sending, so mistakes fail here with an `InvalidArgumentError`.
 *
 * @example
 * ```ts
 * import { createOpenAICompat } from '@gemgate/openai-compat';
 * const client = createOpenAICompat({ apiKey: process.env.AIHUBMIX_API_KEY });
 * const completion = await client.chat.completions.create({
 *   model: 'gemini-2.5-flash',
 *   messages: [{ role: 'user', content: 'Explain Occam’s Razor in one line.' }],
 * });
 * console.log(completion.text, completion.usage?.outputTokens);
 * ```
 */
export function createOpenAICompat(options: OpenAICompatOptions = {}): OpenAICompatClient {
  checkClientOptions({ options });
  const { baseURL, env, lint, ...transportOptions } = options;
  // The same policy as the native client: warnings heard (console by default), each once.
  const logger = clientLogger({ logger: options.logger });
  const transport: Transport = createTransport({
    ...transportOptions,
    baseURL: resolveBaseURL({ baseURL, route: 'openai', env }),
    auth: 'bearer',
    logger,
    env,
  });

  async function sendChatCompletion({
    params: given,
    requestOptions = {},
  }: {
    params: ChatCompletionCreateParams;
    requestOptions?: RequestOptions | undefined;
  }): Promise<CallAnswer<ChatCompletionResult | ChatCompletionStream>> {
    // A media part (`inlineMedia`) goes into `messages` as it is, as into native `contents`.
    const params = resolveMediaParts({ params: given });
    checkRequestValues({ params });
    const parsed = parseChatParams({ params });
    checkToolNames({ params: parsed });
    checkToolSchemas({ params: parsed });
    checkCachedContent({ params: parsed });
    const linted = checkReasoningSettings({ params: parsed, fix: lint?.fix === true, logger });
    const plan = buildChatRequestBody({ params: linted });
    const transportOptions = transportOptionsOf({ options: requestOptions });
    // Written out field by field: spreading options and adding fields costs about a
    // microsecond per added field in V8, on every call.
    const request: TransportRequest = {
      method: 'POST',
      path: 'chat/completions',
      body: plan.requestBody,
      stream: plan.stream ? 'sse' : false,
      signal: transportOptions.signal,
      headers: transportOptions.headers,
      timeout: transportOptions.timeout,
      maxRetries: transportOptions.maxRetries,
      abortSource: undefined,
      context: { route: 'openai', operation: 'chat.completions', model: parsed.model, stream: plan.stream },
    };
    const { responseSchema, expectsJson } = plan;
    if (plan.stream) {
      // withResponse() reports the status and headers of the answer the stream opened on.
      const opened: { response: TransportResponse | undefined } = { response: undefined };
      // The stream sends the request with its own signal (the `openai` package's
      // `stream.controller`), which the caller's feeds, so a caller who stops wanting it can
      // close the connection without reading it to the end.
      const stream = new ChatCompletionStream({
        transport,
        signal: transportOptions.signal,
        responseSchema,
        expectsJson,
        open: async ({ abortSource }) => {
          // A middleware that reads `signal` gets the source's `AbortSignal`, made then.
          const response = await transport.request(sourcedRequest({ ...request, abortSource }));
          opened.response = response;
          // A middleware answering from a cache must answer in the kind that was asked for.
          if (response.kind !== 'stream') {
            throw new ResponseValidationError(
              'Asked for a stream but got a JSON answer (from a middleware?).',
              {
                path: '',
                requestId: response.requestId,
              },
            );
          }
          return response;
        },
      });
      // HTTP errors reject `create`, as with the `openai` package.
      await stream.ready();
      const { status = 200, headers = {}, requestId } = opened.response ?? {};
      return { data: stream, status, headers, requestId, body: { kind: 'events', events: stream } };
    }
    const response = await transport.request(request);
    const body = validateWire({
      shape: chatCompletionShape,
      body: readJsonAnswer({ response, operation: 'chat.completions.create' }),
      what: 'chat completion',
      requestId: response.requestId,
    });
    return {
      data: new ChatCompletionResult({
        raw: body,
        requestId: response.requestId,
        responseSchema,
        expectsJson,
      }),
      status: response.status,
      headers: response.headers,
      requestId: response.requestId,
      body: { kind: 'json', value: body },
    };
  }

  const createChatCompletion = (params: ChatCompletionCreateParams, requestOptions?: RequestOptions) =>
    new APIPromise(sendChatCompletion({ params, requestOptions }));

  async function sendParse({
    params,
    requestOptions,
  }: {
    params: ChatCompletionParseParams;
    requestOptions?: RequestOptions | undefined;
  }): Promise<CallAnswer<ParsedChatCompletion>> {
    const { params: createParams, responseSchema, expectsJson } = toParseRequest({ params });
    const answer = await sendChatCompletion({ params: createParams, requestOptions });
    const { raw, requestId } = answer.data as ChatCompletionResult;
    return { ...answer, data: new ParsedChatCompletion({ raw, requestId, responseSchema, expectsJson }) };
  }

  return {
    baseURL: transport.baseURL,
    chat: {
      completions: {
        create: createChatCompletion as OpenAICompatClient['chat']['completions']['create'],
        parse: ((params, requestOptions) =>
          new APIPromise(
            sendParse({ params, requestOptions }),
          )) as OpenAICompatClient['chat']['completions']['parse'],
      },
    },
    [toolLoopAdapterKey]: ({ model }) =>
      createOpenAIToolLoopAdapter({
        client: {
          chat: {
            completions: {
              create: createChatCompletion as OpenAICompatClient['chat']['completions']['create'],
            },
          },
        },
        model,
      }),
    models: {
      list: (requestOptions) => listModels({ transport, options: requestOptions }),
      retrieve: (id, requestOptions) => retrieveModel({ transport, id, options: requestOptions }),
    },
    embeddings: {
      create: (params, requestOptions) => createEmbeddings({ transport, params, options: requestOptions }),
    },
    // The transport ends the streams nobody reads yet before it closes its connections.
    close: () => transport.close(),
  };
}
