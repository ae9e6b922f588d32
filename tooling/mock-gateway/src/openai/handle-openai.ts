import { embedText } from '../answer/embed-text.js';
import { planAnswer } from '../answer/plan-answer.js';
import { headerOf, type RouteContext } from '../route-context.js';
import { openaiModelIds } from '../served-models.js';
import { canonicalJson } from '../text/canonical-json.js';
import { countTextTokens } from '../text/count-tokens.js';
import { readOpenaiRequest } from './read-openai-request.js';
import { type OpenaiStyle, renderChatChunks, renderChatCompletion } from './render-chat-completion.js';

/** gemini-embedding-001's largest output size. */
const maxEmbeddingDimensions = 3072;

/**
 * Serves the OpenAI-compatible API below `/v1/`: chat completions (streamed or not), models and
 * embeddings.
 *
 * @example
 * ```ts
 * await handleOpenai(context); // context.path === 'chat/completions'
 * ```
 */
export async function handleOpenai(context: RouteContext): Promise<void> {
  const { method, path, exchange } = context;
  if (method === 'POST' && path === 'chat/completions') return chat(context);
  if (method === 'GET' && path === 'models') {
    return exchange.json({
      body: {
        object: 'list',
        data: openaiModelIds().map((id) => ({
          id,
          object: 'model',
          created: 1_735_689_600,
          owned_by: 'google',
        })),
      },
    });
  }
  if (method === 'POST' && path === 'embeddings') return embeddings(context);
  return exchange.error({ status: 404, message: `Invalid URL (${method} /v1/${path})`, openaiCode: null });
}

async function chat(context: RouteContext) {
  const { body, headers, exchange } = context;
  // Streaming and output limits must not change the answer (limits cut it), so they stay out of the seed.
  const {
    stream: _stream,
    stream_options: _streamOptions,
    max_tokens: _maxTokens,
    max_completion_tokens: _maxCompletionTokens,
    stop: _stop,
    ...seeded
  } = body;
  const read = readOpenaiRequest({
    body,
    seedKey: canonicalJson(seeded),
    implicitCache: context.implicitCache,
  });
  if ('error' in read) return exchange.error(read.error);
  const { request } = read;
  const style: OpenaiStyle = {
    reasoningFormat: oneOf(headerOf({ headers, name: 'x-mock-reasoning-format' }), [
      'reasoning_content',
      'reasoning',
      'thought-tags',
    ]),
    toolCallStyle: oneOf(headerOf({ headers, name: 'x-mock-tool-call-style' }), [
      'indexed',
      'whole-no-index',
    ]),
    usageStyle: oneOf(headerOf({ headers, name: 'x-mock-usage-style' }), [
      'completion-includes-reasoning',
      'completion-excludes-reasoning',
      'reasoning-only-in-total',
    ]),
    completionIdStyle: oneOf(headerOf({ headers, name: 'x-mock-completion-id' }), ['gemini', 'chatcmpl']),
    toolCallIdStyle: oneOf(headerOf({ headers, name: 'x-mock-tool-call-id' }), ['generated', 'empty']),
    signaturePlace: oneOf(headerOf({ headers, name: 'x-mock-signature-place' }), ['tool-call', 'message']),
    created: Math.floor(context.now() / 1000),
  };
  const blockReason = headerOf({ headers, name: 'x-mock-prompt-block' });
  const planned = planAnswer({
    request,
    thinkingExhaustsOutput: headerOf({ headers, name: 'x-mock-thinking-exhausts-output' }) !== undefined,
  });
  const answer = blockReason
    ? { ...planned, parts: [], thoughts: '', thoughtTokens: 0, candidatesTokens: 0 }
    : planned;
  if (body.stream !== true) {
    const completion = renderChatCompletion({ request, answer, style });
    if (blockReason) completion.choices[0]!.finish_reason = 'content_filter';
    return exchange.json({ body: completion });
  }
  if (exchange.fault?.kind === '404-event-stream') {
    return exchange.error({
      status: 404,
      message: 'Not Found',
      headers: { 'content-type': 'text/event-stream' },
    });
  }
  const stream = await exchange.stream({
    framing: 'openai-sse',
    errorEvent: exchange.errorBody({
      status: 500,
      message: 'The upstream stream failed.',
      openaiType: 'server_error',
    }),
  });
  // Google's endpoint sends SSE comment lines while the model works, before the first data line.
  if (headerOf({ headers, name: 'x-mock-sse-comments' }) !== 'off') {
    await stream.comment('PROCESSING');
    await stream.comment('PROCESSING');
  }
  const chunks = renderChatChunks({
    request,
    answer,
    style,
    includeUsage: body.stream_options?.include_usage === true,
    finishReason: blockReason ? 'content_filter' : undefined,
  });
  for (const chunk of chunks) await stream.event(chunk);
  await stream.finish();
}

async function embeddings(context: RouteContext) {
  const { body, exchange } = context;
  const inputs: unknown[] = Array.isArray(body.input) ? body.input : [body.input];
  if (inputs.length === 0 || inputs.some((input) => input === undefined)) {
    return exchange.error({ status: 400, message: "'input' is a required property", param: 'input' });
  }
  const dimensions = body.dimensions ?? 768;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > maxEmbeddingDimensions) {
    // Bounded so a typo cannot make the mock allocate a huge vector.
    return exchange.error({
      status: 400,
      message: `Invalid 'dimensions': must be an integer between 1 and ${maxEmbeddingDimensions}.`,
      param: 'dimensions',
    });
  }
  let promptTokens = 0;
  const data = inputs.map((input, index) => {
    const text = typeof input === 'string' ? input : JSON.stringify(input);
    promptTokens += countTextTokens(text);
    const vector = embedText({ text, dimensions });
    const embedding =
      body.encoding_format === 'base64'
        ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
        : vector;
    return { object: 'embedding', index, embedding };
  });
  return exchange.json({
    body: {
      object: 'list',
      data,
      model: body.model,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    },
  });
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  return allowed.includes(value as T) ? (value as T) : allowed[0]!;
}
