/**
 * What a call settled to, before the caller sees it: the value `await` gives, and the HTTP
 * answer it came from.
 */
export interface CallAnswer<TData> {
  data: TData;
  status: number;
  headers: Record<string, string>;
  requestId: string | undefined;
  /**
   * The answer's body for `asResponse()`: the JSON value of a non-streamed answer, or the
   * stream's events (read by the `Response` body, written back as server-sent events).
   */
  body: { kind: 'json'; value: unknown } | { kind: 'events'; events: StoppableEvents };
}

/** A stream of events as `asResponse()` reads them back: iterable once, stoppable. */
interface StoppableEvents extends AsyncIterable<unknown> {
  abort(reason?: unknown): void;
}

// The body is written again from what was decoded, so the wire's length and encoding no longer hold.
const headersOfTheWireBody = new Set(['content-length', 'content-encoding', 'transfer-encoding']);
// Statuses whose `Response` must not have a body.
const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * The promise every method returns, as in the `openai` package: `await` gives the result as
 * before, `withResponse()` gives it with the HTTP answer (a Fetch `Response`: status and
 * headers) and the gateway's request id, and `asResponse()` gives the HTTP answer alone, its
 * body readable (`json()`, `text()`; the events of a stream as server-sent events).
 *
 * The body is what gemgate decoded, written back (the transport reads the wire body once), so
 * `content-length` and `content-encoding` are left out of the headers.
 *
 * @example
 * ```ts
 * const { data, response, request_id } = await client.chat.completions
 *   .create({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Hi' }] })
 *   .withResponse();
 * console.log(response.status, response.headers.get('x-request-id') === request_id, data.text);
 * ```
 */
export class APIPromise<TData> extends Promise<TData> {
  readonly #answer: Promise<CallAnswer<TData>>;
  #data: Promise<TData> | undefined;

  /** @internal Built by the client's methods. */
  constructor(answer: Promise<CallAnswer<TData>>) {
    // The value is read from `answer` in `then`; this one is never seen.
    super((resolve) => {
      resolve(undefined as TData);
    });
    this.#answer = answer;
  }

  // `then` on a derived promise must build a plain Promise, not call this constructor.
  static override get [Symbol.species]() {
    return Promise;
  }

  /**
   * The HTTP answer alone: status, headers and a readable body (for a stream, its events as
   * server-sent events, read from the stream; cancelling the body closes the connection).
   */
  asResponse(): Promise<Response> {
    return this.#answer.then((answer) => toFetchResponse({ answer, withBody: true }));
  }

  /**
   * The result (the stream, for `stream: true`), the HTTP answer (status and headers; the body
   * of a non-streamed answer too) and the gateway's request id (`x-request-id`, or `null`).
   */
  async withResponse(): Promise<{ data: TData; response: Response; request_id: string | null }> {
    const answer = await this.#answer;
    return {
      data: answer.data,
      response: toFetchResponse({ answer, withBody: answer.body.kind === 'json' }),
      request_id: answer.requestId ?? null,
    };
  }

  #settled(): Promise<TData> {
    this.#data ??= this.#answer.then((answer) => answer.data);
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: a promise's own `then`, read from the call's answer so `await` gives the data.
  override then<TResult1 = TData, TResult2 = never>(
    onfulfilled?: ((value: TData) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#settled().then(onfulfilled, onrejected);
  }

  override catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<TData | TResult> {
    return this.#settled().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<TData> {
    return this.#settled().finally(onfinally);
  }
}

function toFetchResponse({ answer, withBody }: { answer: CallAnswer<unknown>; withBody: boolean }): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (!headersOfTheWireBody.has(name.toLowerCase())) headers.set(name, value);
  }
  if (!withBody || nullBodyStatuses.has(answer.status))
    return new Response(null, { status: answer.status, headers });
  if (answer.body.kind === 'json') {
    const value = answer.body.value;
    return new Response(value === undefined ? null : JSON.stringify(value), {
      status: answer.status,
      headers,
    });
  }
  return new Response(eventStreamBody({ events: answer.body.events }), { status: answer.status, headers });
}

/** The events written back as server-sent events, each read only when the body is. */
function eventStreamBody({ events }: { events: StoppableEvents }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = events[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        // The OpenAI route ends its streams with this sentinel; a reader of the raw events expects it.
        controller.enqueue(encoder.encode('data: [DONE]\n\n'));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(`data: ${JSON.stringify(next.value)}\n\n`));
    },
    cancel(reason) {
      events.abort(reason);
    },
  });
}
