import type { Transport } from '@gemgate/core-transport';
import { openAIEmbeddingListShape, validateWire } from '@gemgate/core-transport/wire';
import { z } from 'zod';
import { APIPromise, type CallAnswer } from './api-promise.js';
import type { RequestOptions } from './chat-params.js';
import { checkRequestValues } from './check-request-values.js';
import { decodeBase64Floats } from './decode-base64-floats.js';
import { type EmbeddingUsage, toEmbeddingUsage } from './embedding-usage.js';
import { invalidArgumentFromIssue } from './parse-chat-params.js';
import { readJsonAnswer } from './read-json-answer.js';
import { transportOptionsOf } from './request-options.js';

/** What `embeddings.create` takes (the `openai` shape). */
export interface EmbeddingCreateParams {
  model: string;
  input: string | string[];
  /** Output size, for models that can shorten their vectors. */
  dimensions?: number | undefined;
  /** `base64` is a quarter of the JSON size on the wire; gemgate decodes it to numbers either way. */
  encoding_format?: 'float' | 'base64' | undefined;
  [key: string]: unknown;
}

/** One embedding, always as numbers. */
export interface Embedding {
  index: number;
  embedding: number[];
  object: 'embedding';
}

/** The result of `embeddings.create`. */
export interface EmbeddingResult {
  data: Embedding[];
  model: string;
  /** The vectors in input order. */
  embeddings: number[][];
  /** The wire's `prompt_tokens` and `total_tokens` as sent, plus the neutral `Usage` fields. */
  usage: EmbeddingUsage | undefined;
  raw: unknown;
  requestId: string | undefined;
}

const embeddingParamsSchema = z.looseObject({
  model: z.string().min(1, 'name the model, e.g. gemini-embedding-001'),
  input: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  dimensions: z.number().int().positive().optional(),
  encoding_format: z.enum(['float', 'base64']).optional(),
});

/**
 * Calls `POST embeddings`. Vectors sent as base64 are decoded, so `embedding` is always a
 * `number[]`.
 *
 * @example
 * ```ts
 * const result = await createEmbeddings({ transport, params: { model: 'gemini-embedding-001', input: ['a', 'b'] } });
 * result.embeddings.length; // 2
 * ```
 */
export function createEmbeddings({
  transport,
  params,
  options = {},
}: {
  transport: Transport;
  params: EmbeddingCreateParams;
  options?: RequestOptions;
}): APIPromise<EmbeddingResult> {
  return new APIPromise(sendEmbeddings({ transport, params, options }));
}

async function sendEmbeddings({
  transport,
  params,
  options,
}: {
  transport: Transport;
  params: EmbeddingCreateParams;
  options: RequestOptions;
}): Promise<CallAnswer<EmbeddingResult>> {
  checkRequestValues({ params });
  const checked = embeddingParamsSchema.safeParse(params);
  if (!checked.success) throw invalidArgumentFromIssue({ issue: checked.error.issues[0]! });
  const response = await transport.request({
    method: 'POST',
    path: 'embeddings',
    body: checked.data,
    ...transportOptionsOf({ options }),
    context: { route: 'openai', operation: 'embeddings', model: params.model, stream: false },
  });
  const body = validateWire({
    shape: openAIEmbeddingListShape,
    body: readJsonAnswer({ response, operation: 'embeddings.create' }),
    what: 'embeddings answer',
    requestId: response.requestId,
  });
  const data = body.data.map((item, position) => ({
    object: 'embedding' as const,
    index: item.index ?? position,
    embedding:
      typeof item.embedding === 'string' ? decodeBase64Floats({ base64: item.embedding }) : item.embedding,
  }));
  // `embeddings` promises input order; `index` says it, whatever order the items came in.
  if (data.some((item, position) => item.index !== position))
    data.sort((left, right) => left.index - right.index);
  return {
    data: {
      data,
      model: body.model ?? params.model,
      embeddings: data.map((item) => item.embedding),
      usage: toEmbeddingUsage({ usage: body.usage }),
      raw: body,
      requestId: response.requestId,
    },
    status: response.status,
    headers: response.headers,
    requestId: response.requestId,
    body: { kind: 'json', value: body },
  };
}
