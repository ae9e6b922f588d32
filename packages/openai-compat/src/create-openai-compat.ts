import {
  AbortedError,
  createTransport,
  type Logger,
  type Middleware,
  ResponseValidationError,
  resolveApiKey,
  resolveAppCode,
  resolveBaseURL,
  type TimeoutOptions,
  type Transport,
  type TransportOptions,
  type TransportResponse,
} from '@gemgate/core-transport';
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
import { linkController } from './link-controller.js';
import { listModels, type ModelListPromise } from './list-models.js';
import { parseChatParams } from './parse-chat-params.js';
import { readJsonAnswer } from './read-json-answer.js';
import { transportOptionsOf } from './request-options.js';
import { UnreadStreams } from './unread-streams.js';
import type { WireChatCompletion } from './wire-types.js';

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

/** The client: `chat.completions`, `models`, `embeddings`, as in the `openai` package. */
export interface OpenAICompatClient {
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
  const secrets = secretsOf({ options });
  // Streams nobody reads yet, each as the function that ends it: their sockets would hold
  // `close()` until the total timeout.
  const unreadStreams = new UnreadStreams();

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
    // A stream gets its own controller (the `openai` package's `stream.controller`), so a
    // caller who stops wanting it can close the connection without reading it to the end.
    const link = plan.stream ? linkController({ callerSignal: transportOptions.signal }) : undefined;
    if (link) transportOptions.signal = link.controller.signal;
    let response: TransportResponse;
    try {
      response = await transport.request({
        method: 'POST',
        path: 'chat/completions',
        body: plan.body,
        stream: plan.stream ? 'sse' : false,
        ...transportOptions,
        context: { route: 'openai', operation: 'chat.completions', model: parsed.model },
      });
    } catch (error) {
      link?.unlink();
      throw error;
    }
    const { responseSchema, expectsJson } = plan;
    if (plan.stream) {
      // A middleware answering from a cache must answer in the kind that was asked for.
      if (response.kind !== 'stream' || link === undefined) {
        link?.unlink();
        throw new ResponseValidationError('Asked for a stream but got a JSON answer (from a middleware?).', {
          path: '',
          requestId: response.requestId,
        });
      }
      return new ChatCompletionStream({
        events: response.events,
        requestId: response.requestId,
        responseSchema,
        expectsJson,
        controller: link.controller,
        onSettled: link.unlink,
        unreadStreams,
      });
    }
    const body = readJsonAnswer({ response, operation: 'chat.completions.create', secrets }) as
      | WireChatCompletion
      | undefined;
    if (!Array.isArray(body?.choices)) {
      throw new ResponseValidationError('The chat completion has no choices array.', {
        path: 'choices',
        responseBody: body,
        requestId: response.requestId,
      });
    }
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
    models: { list: (requestOptions) => listModels({ transport, options: requestOptions, secrets }) },
    embeddings: {
      create: (params, requestOptions) =>
        createEmbeddings({ transport, params, options: requestOptions, secrets }),
    },
    async close() {
      const reason = new AbortedError('The client was closed before this stream was read.');
      await unreadStreams.endAll(reason);
      await transport.close();
    },
  };
}

/** The key and app code the transport will send, for the errors this package builds itself. */
function secretsOf({ options }: { options: OpenAICompatOptions }): string[] {
  const secrets: string[] = [];
  try {
    secrets.push(resolveApiKey({ apiKey: options.apiKey, env: options.env }));
  } catch {
    // No key: the transport refuses every call with its own AuthenticationError.
  }
  const appCode = resolveAppCode({ appCode: options.appCode, env: options.env });
  if (appCode) secrets.push(appCode);
  return secrets;
}
