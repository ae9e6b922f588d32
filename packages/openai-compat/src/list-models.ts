import { ResponseValidationError, type Transport } from '@gemgate/core-transport';
import type { RequestOptions } from './chat-params.js';
import { readJsonAnswer } from './read-json-answer.js';
import { transportOptionsOf } from './request-options.js';

/** One model the gateway serves on the OpenAI route. */
export interface Model {
  id: string;
  object: 'model';
  created?: number | undefined;
  owned_by?: string | undefined;
  [key: string]: unknown;
}

/** The answer of `models.list()`. */
export interface ModelList {
  data: Model[];
  raw: unknown;
  requestId: string | undefined;
}

/** A promise of the list that can also be iterated directly, as with the `openai` package. */
export type ModelListPromise = Promise<ModelList> & AsyncIterable<Model>;

/**
 * Calls `GET models`.
 *
 * @example
 * ```ts
 * for await (const model of listModels({ transport })) console.log(model.id);
 * const { data } = await listModels({ transport });
 * ```
 */
export function listModels({
  transport,
  options = {},
  secrets = [],
}: {
  transport: Transport;
  options?: RequestOptions;
  /** The key and app code, scrubbed from errors built here. */
  secrets?: readonly string[];
}): ModelListPromise {
  const list = fetchModels({ transport, options, secrets });
  // A caller who only iterates never awaits the promise itself.
  list.catch(() => {});
  return Object.assign(list, {
    async *[Symbol.asyncIterator]() {
      yield* (await list).data;
    },
  });
}

async function fetchModels({
  transport,
  options,
  secrets,
}: {
  transport: Transport;
  options: RequestOptions;
  secrets: readonly string[];
}) {
  const response = await transport.request({
    method: 'GET',
    path: 'models',
    ...transportOptionsOf({ options }),
    context: { route: 'openai', operation: 'models.list' },
  });
  const body = readJsonAnswer({ response, operation: 'models.list', secrets });
  if (!Array.isArray(body?.data)) {
    throw new ResponseValidationError('The models answer has no data array.', {
      path: 'data',
      responseBody: body,
      requestId: response.requestId,
    });
  }
  return { data: body.data as Model[], raw: body, requestId: response.requestId };
}
