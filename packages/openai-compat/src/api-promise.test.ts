import { describe, expect, it } from 'vitest';
import { APIPromise, type CallAnswer } from './api-promise.js';

const answer = (data: unknown, status = 200): CallAnswer<unknown> => ({
  data,
  status,
  headers: { 'x-request-id': 'r1', 'content-length': '99', 'content-type': 'application/json' },
  requestId: 'r1',
  body: { kind: 'json', value: { ok: true } },
});

describe('APIPromise', () => {
  it('settles as the data under await, Promise.all and then, like the promise it replaces', async () => {
    const call = new APIPromise(Promise.resolve(answer('the data')));
    expect(await call).toBe('the data');
    expect(await Promise.all([call])).toEqual(['the data']);
    const derived = call.then((data) => `${data}!`);
    expect(derived).not.toBeInstanceOf(APIPromise);
    expect(await derived).toBe('the data!');
  });

  it('gives a Fetch Response without the wire body’s length, and null request_id when none was sent', async () => {
    const { response, request_id } = await new APIPromise(
      Promise.resolve({ ...answer('d'), requestId: undefined }),
    ).withResponse();
    expect(request_id).toBeNull();
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.get('content-length')).toBeNull();
    expect(await response.json()).toEqual({ ok: true });
  });

  it('gives a 204 answer without a body instead of throwing', async () => {
    const response = await new APIPromise(Promise.resolve(answer(undefined, 204))).asResponse();
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('stops the stream when the body of asResponse() is cancelled', async () => {
    const stopped: unknown[] = [];
    const events = {
      async *[Symbol.asyncIterator]() {
        yield { n: 1 };
        yield { n: 2 };
      },
      abort: (reason?: unknown) => stopped.push(reason),
    };
    const response = await new APIPromise(
      Promise.resolve({ ...answer(events), body: { kind: 'events' as const, events } }),
    ).asResponse();
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: {"n":1}\n\n');
    await reader.cancel('enough');
    expect(stopped).toEqual(['enough']);
  });
});
