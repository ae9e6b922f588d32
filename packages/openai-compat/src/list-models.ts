import { InvalidArgumentError, NotFoundError, type Transport } from '@gemgate/core-transport';
import { type OpenAIModel, openAIModelListShape, validateWire } from '@gemgate/core-transport/wire';
import { APIPromise, type CallAnswer } from './api-promise.js';
import type { RequestOptions } from './chat-params.js';
import { readJsonAnswer } from './read-json-answer.js';
import { transportOptionsOf } from './request-options.js';

/** One model the gateway serves on the OpenAI route (`id`, and `object`, `created`, `owned_by` when sent). */
export type Model = OpenAIModel;

/** The answer of `models.list()`. */
export interface ModelList {
  data: Model[];
  raw: unknown;
  requestId: string | undefined;
}

/**
 * A promise of the list that can also be iterated directly, as with the `openai` package, and
 * has `withResponse()` / `asResponse()`.
 */
export type ModelListPromise = APIPromise<ModelList> & AsyncIterable<Model>;

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
}: {
  transport: Transport;
  options?: RequestOptions;
}): ModelListPromise {
  const answer = fetchModels({ transport, options, operation: 'models.list' });
  // A caller who only iterates never awaits the promise itself.
  answer.catch(() => {});
  const list = new APIPromise(answer);
  return Object.assign(list, {
    async *[Symbol.asyncIterator]() {
      yield* (await list).data;
    },
  });
}

/**
 * `models.retrieve(id)` of the `openai` package, answered from the gateway's listing (`GET
 * models`), the one models route it serves: the model whose `id` is `id`, a `models/` prefix
 * ignored; a `NotFoundError` when the listing does not have it.
 *
 * @example
 * ```ts
 * const model = await retrieveModel({ transport, id: 'gemini-2.5-flash' });
 * model.owned_by;
 * ```
 */
export function retrieveModel({
  transport,
  id,
  options = {},
}: {
  transport: Transport;
  id: string;
  options?: RequestOptions;
}): APIPromise<Model> {
  return new APIPromise(findModel({ transport, id, options }));
}

function checkModelId({ id }: { id: unknown }): void {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new InvalidArgumentError(
      `models.retrieve takes a model id string, e.g. 'gemini-2.5-flash'; got ${typeof id === 'string' ? 'an empty string' : typeof id}.`,
      { argument: 'id' },
    );
  }
}

async function findModel({
  transport,
  id,
  options,
}: {
  transport: Transport;
  id: string;
  options: RequestOptions;
}): Promise<CallAnswer<Model>> {
  checkModelId({ id });
  const answer = await fetchModels({ transport, options, operation: 'models.retrieve' });
  // Google's OpenAI endpoint lists ids as `models/gemini-2.5-flash`; the gateway lists them bare.
  const bare = (name: string) => (name.startsWith('models/') ? name.slice('models/'.length) : name);
  const model = answer.data.data.find((candidate) => bare(candidate.id) === bare(id));
  if (model === undefined) {
    throw new NotFoundError(
      `The gateway does not list a model "${id}" on the OpenAI route: check the id (models.list() shows the ones it serves).`,
      { requestId: answer.requestId },
    );
  }
  return { ...answer, data: model };
}

async function fetchModels({
  transport,
  options,
  operation,
}: {
  transport: Transport;
  options: RequestOptions;
  operation: 'models.list' | 'models.retrieve';
}): Promise<CallAnswer<ModelList>> {
  const response = await transport.request({
    method: 'GET',
    path: 'models',
    ...transportOptionsOf({ options }),
    // retrieve sends the same listing call, so a middleware (a cache) sees one kind of call.
    context: { route: 'openai', operation: 'models.list', model: undefined, stream: false },
  });
  const body = validateWire({
    shape: openAIModelListShape,
    body: readJsonAnswer({ response, operation }),
    what: 'models answer',
    requestId: response.requestId,
  });
  return {
    data: { data: body.data, raw: body, requestId: response.requestId },
    status: response.status,
    headers: response.headers,
    requestId: response.requestId,
    body: { kind: 'json', value: body },
  };
}
