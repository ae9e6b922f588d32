import { AbortedError, InvalidArgumentError, tokenCountToNumber } from '@gemgate/core-transport';
import { applyLintAdjustments } from './apply-lint-adjustments.js';
import { buildGenerateContentRequest } from './build-generate-content-request.js';
import { checkCallParameters } from './check-call-parameters.js';
import { checkNativeModel } from './check-native-model.js';
import type { GenerateContentConfig } from './generate-content-config.js';
import { GenerateContentResponse } from './generate-content-response.js';
import { GenerateContentStream } from './generate-content-stream.js';
import {
  type CallOptions,
  modelResource,
  type NativeContext,
  requestJson,
  requestStream,
  type SdkHttpResponse,
} from './native-context.js';
import { type ContentListInput, normalizeContents } from './normalize-contents.js';
import { Pager } from './pager.js';
import {
  batchEmbedContentsResponseSchema,
  countTokensResponseSchema,
  embedContentResponseSchema,
  generateContentResponseSchema,
  listModelsResponseSchema,
  modelSchema,
} from './response-schemas.js';
import { toTransportBody } from './to-transport-body.js';
import { validateResponse } from './validate-response.js';
import type { Content, ContentEmbedding, GenerateContentResponseBody, Model } from './wire-types.js';

/** The arguments of `generateContent` and `generateContentStream`. */
export interface GenerateContentParameters {
  /** `gemini-2.5-flash`, or `models/gemini-2.5-flash`. */
  model: string;
  contents: ContentListInput;
  config?: GenerateContentConfig | undefined;
}

/** The answer of `countTokens`. */
export interface CountTokensResponse {
  totalTokens: number;
  cachedContentTokenCount: number | undefined;
  raw: Record<string, unknown>;
  /** The answer's HTTP headers, as in `@google/genai`. */
  sdkHttpResponse: SdkHttpResponse;
}

/** The answer of `embedContent`: one embedding per content given. */
export interface EmbedContentResponse {
  embeddings: ContentEmbedding[];
  raw: Record<string, unknown>;
  /** The answer's HTTP headers, as in `@google/genai`. */
  sdkHttpResponse: SdkHttpResponse;
}

/** The options of `embedContent`. */
export interface EmbedContentConfig extends CallOptions {
  /** `RETRIEVAL_QUERY`, `RETRIEVAL_DOCUMENT`, `SEMANTIC_SIMILARITY`, ... */
  taskType?: string | undefined;
  title?: string | undefined;
  outputDimensionality?: number | undefined;
}

/**
 * How a chat drives a streamed turn: wait for the previous turn, read the history only when
 * the request leaves, commit the turn when the stream completes, and hear when it is over.
 */
export interface ChatTurnHooks {
  /** Called when the request is about to leave (first use of the stream); the request waits for it. */
  waitFor?: (() => Promise<unknown>) | undefined;
  contentsAtSend?: (() => Content[]) | undefined;
  onComplete?: ((response: GenerateContentResponse) => void) | undefined;
  onSettled?: (() => void) | undefined;
}

const generationShape = '{ model, contents, config? }';

/** Checks the arguments of a generation (errors name the field), then the catalog's rules, as the upstream would. */
function prepareGenerateContent({
  context,
  parameters: { model, contents, config },
}: {
  context: NativeContext;
  parameters: GenerateContentParameters;
}) {
  const request = buildGenerateContentRequest({ contents, config });
  const { body } = request;
  const generationConfig = (body.generationConfig ?? {}) as Record<string, unknown>;
  const wireContents = body.contents as { role?: string; parts?: { mediaResolution?: unknown }[] }[];
  const adjustments = checkNativeModel({
    model,
    thinking: config?.thinkingConfig,
    request: {
      temperature: config?.temperature,
      topP: config?.topP,
      topK: config?.topK,
      candidateCount: config?.candidateCount,
      maxOutputTokens: config?.maxOutputTokens,
      cachedContent: config?.cachedContent,
      lastTurnRole: wireContents.at(-1)?.role,
      mediaResolution: generationConfig.mediaResolution as string | undefined,
      partsWithMediaResolution: wireContents
        .flatMap((content) => content.parts ?? [])
        .filter((part) => part.mediaResolution !== undefined).length,
    },
    fix: context.lintFix,
    logger: context.logger,
  });
  applyLintAdjustments({ body, adjustments });
  // The upstream ignores or rejects these next to an explicit cache: the cache already holds them.
  if (body.cachedContent !== undefined) {
    for (const field of ['systemInstruction', 'tools', 'toolConfig'] as const) {
      if (body[field] !== undefined) {
        throw new InvalidArgumentError(
          `config.${field} cannot be sent with config.cachedContent: put it in the cache (caches.create) instead.`,
          { argument: `config.${field}` },
        );
      }
    }
  }
  return request;
}

/**
 * A streamed generation, with a chat's turn hooks when a chat sends it (`generateContentStream`
 * has none). Argument errors throw here, before anything is sent.
 *
 * @example
 * ```ts
 * const stream = streamGenerateContent({ context, parameters: { model: 'gemini-2.5-flash', contents: 'Hi' } });
 * ```
 */
export function streamGenerateContent({
  context,
  parameters,
  turn = {},
}: {
  context: NativeContext;
  parameters: GenerateContentParameters;
  turn?: ChatTurnHooks | undefined;
}): GenerateContentStream {
  const { model, config } = parameters;
  const { body, zodSchema } = prepareGenerateContent({ context, parameters });
  return new GenerateContentStream({
    zodSchema,
    onComplete: turn.onComplete,
    onSettled: turn.onSettled,
    transport: context.transport,
    signal: config?.abortSignal,
    open: async ({ abortSource, isWanted }) => {
      await turn.waitFor?.();
      // Ended while waiting for the previous chat turn: nothing to send.
      if (!isWanted()) throw new AbortedError('The stream was cancelled before its request was sent.');
      return requestStream({
        context,
        call: config,
        operation: 'streamGenerateContent',
        model,
        request: {
          method: 'POST',
          path: `${modelResource(model)}:streamGenerateContent`,
          query: context.streamFormat === 'sse' ? { alt: 'sse' } : undefined,
          body: toTransportBody({
            body: turn.contentsAtSend ? { ...body, contents: turn.contentsAtSend() } : body,
          }),
          stream: context.streamFormat,
          abortSource,
        },
      });
    },
  });
}

/** `models.*`: generation, token counting, embeddings and the model list. */
export class Models {
  readonly #context: NativeContext;

  /** @internal Built by `createGemini`. */
  constructor({ context }: { context: NativeContext }) {
    this.#context = context;
  }

  /**
   * Generates one answer (`:generateContent`).
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const gemini = createGemini({ apiKey: 'sk-...' });
   * const response = await gemini.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Hello' });
   * console.log(response.text, response.usage);
   * ```
   */
  async generateContent(parameters: GenerateContentParameters): Promise<GenerateContentResponse> {
    checkCallParameters({ parameters, method: 'generateContent', shape: generationShape });
    const { model, config } = parameters;
    const { body, zodSchema } = prepareGenerateContent({ context: this.#context, parameters });
    const answer = await requestJson({
      context: this.#context,
      call: config,
      operation: 'generateContent',
      model,
      request: {
        method: 'POST',
        path: `${modelResource(model)}:generateContent`,
        body: toTransportBody({ body }),
      },
    });
    const raw = validateResponse<GenerateContentResponseBody>({
      schema: generateContentResponseSchema,
      body: answer.body,
      what: 'generateContent response',
      requestId: answer.requestId,
    });
    return new GenerateContentResponse({
      raw,
      requestId: answer.requestId,
      sdkHttpResponse: { headers: answer.headers },
      zodSchema,
    });
  }

  /**
   * Streams an answer (`:streamGenerateContent?alt=sse`). Iterate the chunks; `stream.response`
   * gives the aggregated answer once done. Argument errors throw here, before anything is sent.
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const gemini = createGemini({ apiKey: 'sk-...' });
   * const stream = gemini.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Tell a story' });
   * for await (const chunk of stream) process.stdout.write(chunk.text);
   * console.log((await stream.response).usage);
   * ```
   */
  generateContentStream(parameters: GenerateContentParameters): GenerateContentStream {
    checkCallParameters({ parameters, method: 'generateContentStream', shape: generationShape });
    return streamGenerateContent({ context: this.#context, parameters });
  }

  /**
   * Counts the tokens of `contents` (`:countTokens`). With a `config` carrying a system
   * instruction, tools or generation settings, counts the whole request as it would be sent.
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const gemini = createGemini({ apiKey: 'sk-...' });
   * const { totalTokens } = await gemini.models.countTokens({ model: 'gemini-2.5-flash', contents: 'Hello' });
   * ```
   */
  async countTokens(parameters: GenerateContentParameters): Promise<CountTokensResponse> {
    checkCallParameters({ parameters, method: 'countTokens', shape: generationShape });
    const { model, config } = parameters;
    checkNativeModel({ model });
    const { body } = buildGenerateContentRequest(parameters);
    const wholeRequest = Object.keys(body).length > 1;
    const answer = await requestJson({
      context: this.#context,
      call: config,
      operation: 'countTokens',
      model,
      request: {
        method: 'POST',
        path: `${modelResource(model)}:countTokens`,
        body: toTransportBody({
          body,
          sent: wholeRequest ? { generateContentRequest: { model: modelResource(model), ...body } } : body,
        }),
      },
    });
    const raw = validateResponse<Record<string, unknown>>({
      schema: countTokensResponseSchema,
      body: answer.body,
      what: 'countTokens response',
      requestId: answer.requestId,
    });
    return {
      totalTokens: tokenCountToNumber({ count: raw.totalTokens as number | undefined }),
      cachedContentTokenCount:
        raw.cachedContentTokenCount === undefined
          ? undefined
          : tokenCountToNumber({ count: raw.cachedContentTokenCount as number | string }),
      raw,
      sdkHttpResponse: { headers: answer.headers },
    };
  }

  /**
   * Describes one model (`GET models/{model}`).
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const gemini = createGemini({ apiKey: 'sk-...' });
   * const model = await gemini.models.get({ model: 'gemini-2.5-flash' });
   * console.log(model.inputTokenLimit);
   * ```
   */
  async get(parameters: { model: string; config?: CallOptions | undefined }): Promise<Model> {
    checkCallParameters({ parameters, method: 'models.get', shape: '{ model, config? }' });
    const { model, config } = parameters;
    checkNativeModel({ model });
    const answer = await requestJson({
      context: this.#context,
      call: config,
      operation: 'models.get',
      model,
      request: { method: 'GET', path: modelResource(model) },
    });
    return validateResponse<Model>({
      schema: modelSchema,
      body: answer.body,
      what: 'model',
      requestId: answer.requestId,
    });
  }

  /**
   * Lists the models, page by page (`GET models`). The pager is async iterable over every model.
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const gemini = createGemini({ apiKey: 'sk-...' });
   * for await (const model of await gemini.models.list({ config: { pageSize: 100 } })) console.log(model.name);
   * ```
   */
  async list({
    config,
  }: {
    config?: (CallOptions & { pageSize?: number | undefined }) | undefined;
  } = {}): Promise<Pager<Model>> {
    const fetchPage = async (pageToken: string | undefined) => {
      const answer = await requestJson({
        context: this.#context,
        call: config,
        operation: 'models.list',
        request: { method: 'GET', path: 'models', query: { pageSize: config?.pageSize, pageToken } },
      });
      const body = validateResponse<{ models?: Model[]; nextPageToken?: string }>({
        schema: listModelsResponseSchema,
        body: answer.body,
        what: 'models list',
        requestId: answer.requestId,
      });
      return { items: body.models ?? [], nextPageToken: body.nextPageToken };
    };
    return new Pager({ first: await fetchPage(undefined), fetchPage });
  }

  /**
   * Embeds one or more contents, one embedding per content (`:embedContent` for one,
   * `:batchEmbedContents` for several).
   *
   * @example
   * ```ts
   * import { createGemini } from '@gemgate/native-gemini';
   * const gemini = createGemini({ apiKey: 'sk-...' });
   * const { embeddings } = await gemini.models.embedContent({ model: 'gemini-embedding-001', contents: ['a', 'b'] });
   * ```
   */
  async embedContent(parameters: {
    model: string;
    /** A string or a list of strings is one content per string, as in `@google/genai`. */
    contents: ContentListInput;
    config?: EmbedContentConfig | undefined;
  }): Promise<EmbedContentResponse> {
    checkCallParameters({ parameters, method: 'embedContent', shape: '{ model, contents, config? }' });
    const { model, contents, config } = parameters;
    checkNativeModel({ model });
    const list =
      typeof contents === 'string'
        ? [contents]
        : Array.isArray(contents) && contents.every((item) => typeof item === 'string')
          ? (contents as string[])
          : normalizeContents({ contents });
    if (list.length === 0) {
      throw new InvalidArgumentError('contents is empty: give at least one text or content to embed.', {
        argument: 'contents',
      });
    }
    const resource = modelResource(model);
    const requests = list.map((item) => ({
      model: resource,
      content: typeof item === 'string' ? { parts: [{ text: item }] } : item,
      taskType: config?.taskType,
      title: config?.title,
      outputDimensionality: config?.outputDimensionality,
    }));
    if (requests.length === 1) {
      const { model: _model, ...single } = requests[0]!;
      const answer = await requestJson({
        context: this.#context,
        call: config,
        operation: 'embedContent',
        model,
        request: { method: 'POST', path: `${resource}:embedContent`, body: single },
      });
      const raw = validateResponse<{ embedding: ContentEmbedding }>({
        schema: embedContentResponseSchema,
        body: answer.body,
        what: 'embedContent response',
        requestId: answer.requestId,
      });
      return { embeddings: [raw.embedding], raw, sdkHttpResponse: { headers: answer.headers } };
    }
    const answer = await requestJson({
      context: this.#context,
      call: config,
      operation: 'embedContent',
      model,
      request: { method: 'POST', path: `${resource}:batchEmbedContents`, body: { requests } },
    });
    const raw = validateResponse<{ embeddings: ContentEmbedding[] }>({
      schema: batchEmbedContentsResponseSchema,
      body: answer.body,
      what: 'batchEmbedContents response',
      requestId: answer.requestId,
    });
    return { embeddings: raw.embeddings, raw, sdkHttpResponse: { headers: answer.headers } };
  }
}
