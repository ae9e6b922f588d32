import type { Transport } from '@gemgate/core-transport';
import { type OpenAIModel, openAIModelListShape, validateWire } from '@gemgate/core-transport/wire';
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
}: {
  transport: Transport;
  options?: RequestOptions;
}): ModelListPromise {
  const list = fetchModels({ transport, options });
  // A caller who only iterates never awaits the promise itself.
  list.catch(() => {});
  return Object.assign(list, {
    async *[Symbol.asyncIterator]() {
      yield* (await list).data;
    },
  });
}

async function fetchModels({ transport, options }: { transport: Transport; options: RequestOptions }) {
  const response = await transport.request({
    method: 'GET',
    path: 'models',
    ...transportOptionsOf({ options }),
    context: { route: 'openai', operation: 'models.list', model: undefined, stream: false },
  });
  const body = validateWire({
    shape: openAIModelListShape,
    body: readJsonAnswer({ response, operation: 'models.list' }),
    what: 'models answer',
    requestId: response.requestId,
  });
  return { data: body.data, raw: body, requestId: response.requestId };
}
