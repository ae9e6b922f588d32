import {
  createTransport,
  type Logger,
  type Middleware,
  ResponseValidationError,
  resolveBaseURL,
  type TimeoutOptions,
  type ToolLoopClient,
  type Transport,
  type TransportOptions,
  type TransportRequest,
  toolLoopAdapterKey,
} from '@gemgate/core-transport';
import { chatCompletionShape, validateWire } from '@gemgate/core-transport/wire';
import { buildChatRequestBody } from './build-chat-request-body.js';
import { ChatCompletionResult } from './chat-completion-result.js';
import { ChatCompletionStream } from './chat-completion-stream.js';
import type { ChatCompletionCreateParams, RequestOptions } from './chat-params.js';
import { checkCachedContent } from './check-cached-content.js';
import { checkClientOptions } from './check-client-options.js';
import { checkReasoningSettings } from './check-reasoning-settings.js';
import { checkToolNames } from './check-tool-names.js';
import { checkToolSchemas } from './check-tool-schemas.js';
import { createEmbeddings, type EmbeddingCreateParams, type EmbeddingResult } from './embeddings.js';
import { listModels, type ModelListPromise } from './list-models.js';
import { parseChatParams } from './parse-chat-params.js';
import { readJsonAnswer } from './read-json-answer.js';
import { transportOptionsOf } from './request-options.js';
import { createOpenAIToolLoopAdapter } from './tool-loop-adapter.js';

/** What `createOpenAICompat` takes. Every field is optional; any other is an `InvalidArgumentError`. */
export interface OpenAICompatOptions {
  /** Defaults to `AIHUBMIX_API_KEY`. Never logged, never in an error. */
  apiKey?: string | undefined;
  /** Defaults to `AIHUBMIX_BASE_URL`, else `https://aihubmix.com/v1`; a bare host gets `/v1` appended. */
  baseURL?: string | undefined;
  /** Headers sent on every call. */
  headers?: Record<string, string> | undefined;
  /** The gateway's partner `APP-Code`; defaults to `AIHUBMIX_APP_CODE`. */
  appCode?: string | undefined;
  /** A number is the total timeout in ms; an object sets each layer. */
  timeout?: number | TimeoutOptions | undefined;
  /** Retries after the first try (429, 5xx, connection failures). Default 2. */
  maxRetries?: number | undefined;
  middleware?: readonly Middleware[] | undefined;
  /** An undici dispatcher instead of the shared keep-alive agent (proxies, tests). */
  dispatcher?: TransportOptions['dispatcher'];
  logger?: Logger | undefined;
  env?: Record<string, string | undefined> | undefined;
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
      ): Promise<ChatCompletionStream<TParsed>>;
      create<TParsed = unknown>(
        params: ChatCompletionCreateParams<TParsed> & { stream?: false | null | undefined },
        options?: RequestOptions,
      ): Promise<ChatCompletionResult<TParsed>>;
      create<TParsed = unknown>(
        params: ChatCompletionCreateParams<TParsed>,
        options?: RequestOptions,
      ): Promise<ChatCompletionResult<TParsed> | ChatCompletionStream<TParsed>>;
    };
  };
  readonly models: { list(options?: RequestOptions): ModelListPromise };
  readonly embeddings: {
    create(params: EmbeddingCreateParams, options?: RequestOptions): Promise<EmbeddingResult>;
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
  const { baseURL, logger, env, ...transportOptions } = options;
  const transport: Transport = createTransport({
    ...transportOptions,
    baseURL: resolveBaseURL({ baseURL, route: 'openai', env }),
    auth: 'bearer',
    logger,
    env,
  });

  async function createChatCompletion(
    params: ChatCompletionCreateParams,
    requestOptions: RequestOptions = {},
  ): Promise<ChatCompletionResult | ChatCompletionStream> {
    const parsed = parseChatParams({ params });
    checkToolNames({ params: parsed });
    checkToolSchemas({ params: parsed });
    checkCachedContent({ params: parsed });
    checkReasoningSettings({ params: parsed, logger });
    const plan = buildChatRequestBody({ params: parsed });
    const transportOptions = transportOptionsOf({ options: requestOptions });
    const request: TransportRequest = {
      method: 'POST',
      path: 'chat/completions',
      body: plan.requestBody,
      stream: plan.stream ? 'sse' : false,
      ...transportOptions,
      context: { route: 'openai', operation: 'chat.completions', model: parsed.model, stream: plan.stream },
    };
    const { responseSchema, expectsJson } = plan;
    if (plan.stream) {
      // The stream sends the request with its own signal (the `openai` package's
      // `stream.controller`), which the caller's feeds, so a caller who stops wanting it can
      // close the connection without reading it to the end.
      const stream = new ChatCompletionStream({
        transport,
        signal: transportOptions.signal,
        responseSchema,
        expectsJson,
        open: async ({ signal }) => {
          const response = await transport.request({ ...request, signal });
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
      return stream;
    }
    const response = await transport.request(request);
    const body = validateWire({
      shape: chatCompletionShape,
      body: readJsonAnswer({ response, operation: 'chat.completions.create' }),
      what: 'chat completion',
      requestId: response.requestId,
    });
    return new ChatCompletionResult({
      raw: body,
      requestId: response.requestId,
      responseSchema,
      expectsJson,
    });
  }

  return {
    baseURL: transport.baseURL,
    chat: {
      completions: { create: createChatCompletion as OpenAICompatClient['chat']['completions']['create'] },
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
    models: { list: (requestOptions) => listModels({ transport, options: requestOptions }) },
    embeddings: {
      create: (params, requestOptions) => createEmbeddings({ transport, params, options: requestOptions }),
    },
    // The transport ends the streams nobody reads yet before it closes its connections.
    close: () => transport.close(),
  };
}
