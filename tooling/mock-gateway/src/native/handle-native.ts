import { embedText } from '../answer/embed-text.js';
import { totalPromptTokens } from '../answer/neutral-request.js';
import { planAnswer } from '../answer/plan-answer.js';
import type { ErrorReply } from '../http/error-reply.js';
import { headerOf, type RouteContext } from '../route-context.js';
import { describeNativeModel, servedModelIds } from '../served-models.js';
import { canonicalJson } from '../text/canonical-json.js';
import { gatewayVariantOf, upstreamModelOf } from '../upstream/upstream-rules.js';
import { nativeBodyError } from './native-body-error.js';
import { countNativePrompt } from './native-prompt.js';
import { nativeStyleFor } from './native-style.js';
import { readNativeRequest } from './read-native-request.js';
import { renderNativeChunks, renderNativeResponse, renderPromptBlock } from './render-native-response.js';

/** gemini-embedding-001's largest output size. */
const maxEmbeddingDimensions = 3072;

const modelAction = /^models\/([^:/]+):([A-Za-z]+)$/;

/**
 * Serves the native Gemini REST API below `/gemini/v1beta/`.
 *
 * @example
 * ```ts
 * await handleNative(context); // context.path === 'models/gemini-2.5-flash:generateContent'
 * ```
 */
export async function handleNative(context: RouteContext): Promise<void> {
  const { exchange, method, path } = context;
  const action = modelAction.exec(path);
  if (action && method === 'POST') {
    const [, model = '', verb = ''] = action;
    if (gatewayVariantOf(model)) return exchange.error(modelNotFound({ model, verb }));
    switch (verb) {
      case 'generateContent':
        return generate({ context, model, stream: false });
      case 'streamGenerateContent':
        return generate({ context, model, stream: true });
      case 'countTokens':
        return countTokens(context);
      case 'embedContent':
      case 'batchEmbedContents':
        return embed({ context, model, batch: verb === 'batchEmbedContents' });
    }
  }
  if (method === 'GET' && path === 'models') return listModels(context);
  const single = /^models\/([^:/]+)$/.exec(path);
  if (method === 'GET' && single) {
    const id = single[1]!;
    if (!(servedModelIds as readonly string[]).includes(id)) {
      return exchange.error({ status: 404, message: `models/${id} is not found for API version v1beta.` });
    }
    return exchange.json({ body: describeNativeModel(id) });
  }
  if (path === 'cachedContents' || path.startsWith('cachedContents/')) return cachedContents(context);
  return exchange.error({
    status: 404,
    message: `Method ${method} ${path} is not found for API version v1beta.`,
  });
}

async function generate({
  context,
  model,
  stream,
}: {
  context: RouteContext;
  model: string;
  stream: boolean;
}) {
  const { exchange, body, headers } = context;
  const shapeError = nativeBodyError({ body, requireContents: true });
  if (shapeError) return exchange.error(shapeError);
  const read = readNativeRequest({
    model,
    body,
    seedKey: seedKeyOf({ model, body }),
    implicitCache: context.implicitCache,
    findCache: (name) => context.cachedContents.find(name),
  });
  if ('error' in read) return exchange.error(read.error);
  const { request } = read;
  const blockReason = headerOf({ headers, name: 'x-mock-prompt-block' });
  const style = nativeStyleFor({ headers, request, upstream: context.upstream });
  const answer = planAnswer({
    request,
    thinkingExhaustsOutput: headerOf({ headers, name: 'x-mock-thinking-exhausts-output' }) !== undefined,
  });
  const fault = exchange.fault;
  if (stream && fault?.kind === '404-event-stream') {
    return exchange.error({
      status: 404,
      message: 'Not Found',
      headers: { 'content-type': 'text/event-stream' },
    });
  }
  if (!stream) {
    return exchange.json({
      body: blockReason
        ? renderPromptBlock({ request, blockReason })
        : renderNativeResponse({ request, answer, style }),
    });
  }
  const events = await exchange.stream({
    framing: context.query.alt === 'sse' ? 'native-sse' : 'json-array',
    errorEvent: exchange.errorBody({
      status: 500,
      message:
        'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
    }),
  });
  const chunks = blockReason
    ? [renderPromptBlock({ request, blockReason })]
    : renderNativeChunks({ request, answer, style });
  for (const chunk of chunks) await events.event(chunk);
  await events.finish();
}

async function countTokens(context: RouteContext) {
  const inner = context.body.generateContentRequest ?? context.body;
  const shapeError = nativeBodyError({ body: inner, requireContents: false });
  if (shapeError) return context.exchange.error(shapeError);
  const prompt = countNativePrompt({
    systemInstruction: inner.systemInstruction,
    tools: inner.tools,
    contents: Array.isArray(inner.contents) ? inner.contents : [],
    mediaResolution: inner.generationConfig?.mediaResolution,
  });
  const cache =
    typeof inner.cachedContent === 'string' ? context.cachedContents.find(inner.cachedContent) : undefined;
  const totalTokens = totalPromptTokens({ promptTokens: prompt.byModality });
  return context.exchange.json({
    body: {
      totalTokens,
      ...(cache ? { cachedContentTokenCount: cache.totalTokens } : {}),
      promptTokensDetails: Object.entries(prompt.byModality).map(([modality, tokenCount]) => ({
        modality,
        tokenCount,
      })),
    },
  });
}

async function embed({ context, model, batch }: { context: RouteContext; model: string; batch: boolean }) {
  const info = upstreamModelOf(model);
  if (info && info.kind !== 'embed') {
    return context.exchange.error({ status: 400, message: `models/${model} does not support embedContent.` });
  }
  const requests: unknown = batch ? context.body.requests : [context.body];
  if (!Array.isArray(requests) || requests.length === 0) {
    return context.exchange.error({
      status: 400,
      message: '* BatchEmbedContentsRequest.requests: requests is not specified',
    });
  }
  const embeddings: { values: number[] }[] = [];
  for (const [index, item] of requests.entries()) {
    const at = batch ? `requests[${index}].` : '';
    const parts = item?.content?.parts;
    if (!Array.isArray(parts) || parts.some((part) => !part || typeof part !== 'object')) {
      return context.exchange.error({ status: 400, message: `* ${at}content: content is not specified` });
    }
    const dimensions = item.outputDimensionality ?? 768;
    if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > maxEmbeddingDimensions) {
      // Bounded so a typo cannot make the mock allocate a huge vector.
      return context.exchange.error({
        status: 400,
        message: `* ${at}output_dimensionality: must be an integer between 1 and ${maxEmbeddingDimensions}.`,
      });
    }
    const text = parts
      .map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : ''))
      .join('');
    embeddings.push({ values: embedText({ text, dimensions }) });
  }
  return context.exchange.json({ body: batch ? { embeddings } : { embedding: embeddings[0] } });
}

async function listModels(context: RouteContext) {
  const pageSize = Math.max(1, Number(context.query.pageSize ?? 50) || 50);
  const start =
    Number(context.query.pageToken ? Buffer.from(context.query.pageToken, 'base64url').toString() : 0) || 0;
  const ids = servedModelIds.slice(start, start + pageSize);
  const next =
    start + pageSize < servedModelIds.length
      ? Buffer.from(String(start + pageSize)).toString('base64url')
      : undefined;
  return context.exchange.json({
    body: { models: ids.map(describeNativeModel), ...(next ? { nextPageToken: next } : {}) },
  });
}

async function cachedContents(context: RouteContext) {
  const { method, path, body, query, exchange } = context;
  const store = context.cachedContents;
  let result: { status: number; body: unknown } | { error: ErrorReply };
  if (path === 'cachedContents' && method === 'POST') {
    const shapeError = nativeBodyError({ body, requireContents: false });
    result = shapeError ? { error: shapeError } : store.create(body);
  } else if (path === 'cachedContents' && method === 'GET') {
    result = store.list({
      pageSize: Math.max(1, Number(query.pageSize ?? 100) || 100),
      pageToken: query.pageToken,
    });
  } else if (method === 'GET') result = store.get({ name: path });
  else if (method === 'PATCH') result = store.update({ name: path, body });
  else if (method === 'DELETE') result = store.delete({ name: path });
  else result = { error: { status: 404, message: `Method ${method} ${path} is not found.` } };
  if ('error' in result) return exchange.error(result.error);
  return exchange.json({ status: result.status, body: result.body });
}

/**
 * The answer's seed: the model and everything in the body that shapes an answer. Output limits
 * are left out so a limited request answers a cut version of the unlimited one.
 */
function seedKeyOf({ model, body }: { model: string; body: Record<string, any> }): string {
  const { maxOutputTokens: _max, stopSequences: _stop, ...config } = body.generationConfig ?? {};
  return canonicalJson([model, { ...body, generationConfig: config }]);
}

function modelNotFound({ model, verb }: { model: string; verb: string }): ErrorReply {
  return {
    status: 404,
    message: `models/${model} is not found for API version v1beta, or is not supported for ${verb}. Call ListModels to see the list of available models and their supported methods.`,
  };
}
