import { AbortSource, onAbort } from './abort-listeners.js';
import { AbortedError, InvalidArgumentError } from './errors.js';
import { EventSplitter } from './split-events.js';
import { noBufferedEvent, takeBufferedEvent } from './stream-events.js';
import type { StreamTransportResponse, Transport } from './transport-types.js';

/** A client's fold of a stream's events: one chunk per event, and the whole answer at the end. */
export interface ResponseAccumulator<Chunk, Final> {
  /** Reads one event (the parsed JSON of an SSE `data` or array element) and gives its chunk. */
  add(event: unknown): Chunk;
  /** The whole answer, once every event was added. */
  result(): Final;
}

/** What the function that sends a stream's request is given. */
export interface OpenOptions {
  /**
   * Send the request with it (`TransportRequest.abortSource`): `abort()` goes through it. Cheaper
   * than `signal`, which makes a real `AbortSignal` (about 10 µs on Node 20) when first read.
   */
  abortSource: AbortSource;
  /** The same as an `AbortSignal`, made when first read. */
  readonly signal: AbortSignal;
  /**
   * Whether the stream is still wanted: a request that waits for something before it leaves
   * (a chat's previous turn) checks it, so a stream ended meanwhile sends nothing.
   */
  isWanted: () => boolean;
}

/** What `ResponseStream` takes. */
export interface ResponseStreamOptions<Chunk, Final> {
  /**
   * The streamed answer: the transport's response (or a promise of it), or a function that
   * sends the request, called once, on first use (iteration, `final()`, `ready()`, `tee()`).
   * Send the request with the `signal` it is given: `abort()` goes through it.
   */
  open:
    | StreamTransportResponse
    | Promise<StreamTransportResponse>
    | ((options: OpenOptions) => StreamTransportResponse | Promise<StreamTransportResponse>);
  /**
   * A fresh fold for one reading of the events (`tee()` reads them twice). `primary` is
   * `false` for the second reader of a `tee()`: what the whole answer does besides being
   * returned (a chat committing its history) belongs to the first reader only.
   */
  accumulate: (answer: {
    requestId: string | undefined;
    /** The answer's headers, names in lower case. */
    headers: Record<string, string>;
    primary: boolean;
  }) => ResponseAccumulator<Chunk, Final>;
  /** The transport to register with while unread, so that its `close()` ends the stream. */
  transport?: Pick<Transport, 'holdUnreadStream'> | undefined;
  /** The caller's signal: its abort is the stream's `abort()`. */
  signal?: AbortSignal | undefined;
  /** How the whole answer is asked for, for the message of a second iteration. Default `final()`. */
  finalName?: string | undefined;
  /** Called once the whole answer has settled, either way, before `final()` does (a chat queues its next turn on it). */
  onSettled?: (() => void) | undefined;
}

/** `#onAbort` of a stream, for `onAbortOf`, which lives outside the class. */
let abortUnread: <Chunk, Final>(stream: ResponseStream<Chunk, Final> | undefined) => void;

/**
 * A streamed answer, the same on both routes: iterate it once for the chunks, and/or await
 * `final()` for the whole answer. `final()` is a plain promise: asked for without iterating,
 * it reads the stream to its end; never asked for, its failure is nobody's (no unhandled
 * rejection). `abort()`, the caller's signal, leaving the loop (even with `return()` before
 * the first `next()`) and the transport's `close()` each free the connection of a stream not
 * read to its end; the transport holds unread streams weakly, so a dropped stream is
 * collected (and its connection freed). `tee()` gives two readers of the same events.
 *
 * @example
 * ```ts
 * import { createTransport, ResponseStream } from '@gemgate/core-transport';
 * const transport = createTransport({ baseURL: 'https://aihubmix.com/v1', auth: 'bearer' });
 * const stream = new ResponseStream({
 *   transport,
 *   open: ({ signal }) => transport.request({ method: 'POST', path: 'chat/completions', body, stream: 'sse', signal }) as Promise<StreamTransportResponse>,
 *   accumulate: () => { const events: unknown[] = []; return { add: (event) => (events.push(event), event), result: () => events }; },
 * });
 * for await (const event of stream) console.log(event);
 * console.log((await stream.final()).length);
 * ```
 */
export class ResponseStream<Chunk, Final> implements AsyncIterable<Chunk> {
  readonly #abortSource: AbortSource = new StreamAbortSource(new WeakRef(this));
  #controller: AbortController | undefined;
  readonly #open: ResponseStreamOptions<Chunk, Final>['open'];
  readonly #accumulate: ResponseStreamOptions<Chunk, Final>['accumulate'];
  readonly #transport: Pick<Transport, 'holdUnreadStream'> | undefined;
  readonly #finalName: string;
  readonly #onSettled: (() => void) | undefined;
  readonly #final: Promise<Final>;
  #resolve!: (value: Final) => void;
  #reject!: (reason: unknown) => void;
  /** The answer once its headers arrived; shared with the transport's hold, which must not see the stream. */
  readonly #opened: { answer: StreamTransportResponse | undefined } = { answer: undefined };
  #source: Promise<StreamTransportResponse> | undefined;
  /** Iterated, drained by `final()`, or split by `tee()`: the events have their reader. */
  #claimed = false;
  /** The reader has the answer in hand: from now on it, not `#endUnread`, frees the connection. */
  #reading = false;
  #ended: AbortedError | undefined;
  #settled = false;
  #forget: (() => void) | undefined;
  #unlink: (() => void) | undefined;

  constructor({
    open,
    accumulate,
    transport,
    signal,
    finalName = 'final()',
    onSettled,
  }: ResponseStreamOptions<Chunk, Final>) {
    this.#onSettled = onSettled;
    this.#open = open;
    this.#accumulate = accumulate;
    this.#transport = transport;
    this.#finalName = finalName;
    this.#final = new Promise<Final>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // Whoever only iterates never asks for the whole answer: its failure must not crash the process.
    this.#final.catch(ignore);
    // An answer already open is held from now on, so that a caller's signal that has already
    // fired (below) lets go of it too.
    if (typeof open !== 'function') void this.#start().catch(ignore);
    if (signal) this.#unlink = forwardAbort({ from: signal, to: this.#abortSource });
  }

  /** Aborting it is `abort()` (the `openai` package's `stream.controller`); made when first read. */
  get controller(): AbortController {
    this.#controller ??= new StreamController(this.#abortSource);
    return this.#controller;
  }

  /** The gateway's request id (`x-request-id`), once the answer's headers arrived. */
  get requestId(): string | undefined {
    return this.#opened.answer?.requestId;
  }

  /**
   * Sends the request if it has not left yet and resolves once the answer's headers arrived,
   * so an HTTP error rejects here (reading the events is left to the caller).
   *
   * @example
   * ```ts
   * await stream.ready(); // throws a RateLimitError, say, before any chunk is read
   * ```
   */
  async ready(): Promise<void> {
    await this.#start();
  }

  /**
   * The chunks, once: a second iteration is an `InvalidArgumentError` (ask for the whole
   * answer instead). Leaving the loop early frees the connection; the whole answer then
   * rejects with an `AbortedError`.
   */
  [Symbol.asyncIterator](): AsyncIterator<Chunk> {
    if (this.#claimed) {
      throw new InvalidArgumentError(
        `This stream was already read: a stream can be iterated once (use ${this.#finalName} for the whole answer).`,
      );
    }
    this.#claimed = true;
    return new ChunkIterator<Chunk, Final>({
      signal: this.#abortSource,
      start: () => this.#start(),
      begin: (answer) => {
        // Ended (by `abort()` or the transport's close) while the headers were on their way.
        if (this.#ended) throw this.#ended;
        this.#reading = true;
        this.#forget?.();
        return this.#accumulate({ requestId: answer.requestId, headers: answer.headers, primary: true });
      },
      settle: (outcome) => this.#settle(outcome),
      endUnread: (cause) =>
        this.#endUnread(
          new AbortedError('The stream was closed before it was read, so there is no final answer.', {
            cause,
          }),
        ),
    });
  }

  /**
   * The whole answer once the stream ends, as a plain promise. Asked for without iterating,
   * it reads the stream itself; asked for inside a loop over the same stream, it waits for
   * the loop to finish (so await it after the loop).
   */
  final(): Promise<Final> {
    if (!this.#claimed && !this.#settled) void this.#drain();
    return this.#final;
  }

  /**
   * Stops the stream and closes its connection, whether or not it is being read: a loop over
   * it and `final()` reject with an `AbortedError` (whose `cause` is `reason`).
   *
   * @example
   * ```ts
   * if (userCancelled) stream.abort();
   * ```
   */
  abort(reason?: unknown): void {
    this.#abortSource.abort(reason);
  }

  /**
   * Two independent readers of the same events (a cache records the answer while the caller
   * reads it): each gets every event and its own whole answer. This stream is read by them
   * (its `final()` is the first reader's); the connection is freed when both are done, or
   * both gave up. Aborting one reader ends that reader only; aborting this stream ends both.
   *
   * @example
   * ```ts
   * const [forCaller, forCache] = stream.tee();
   * void forCache.final().then((answer) => cache.set(key, answer));
   * for await (const chunk of forCaller) process.stdout.write(String(chunk));
   * ```
   */
  tee(): [this, this] {
    if (this.#claimed) {
      throw new InvalidArgumentError('This stream was already read: tee() it before reading it.');
    }
    this.#claimed = true;
    const source = this.#start();
    // The readers own the events now; each registers with the transport while unread.
    this.#reading = true;
    this.#forget?.();
    const abortSource = this.#abortSource;
    const splitter = new EventSplitter({
      source: source.then((answer) => answer.events),
      onAbandoned: () => abortSource.abort(),
    });
    const accumulate = this.#accumulate;
    // Each reader is of this stream's own class (a native stream's reader has `response`), built
    // by the base constructor: the subclasses add methods only.
    const branch = (primary: boolean) =>
      Reflect.construct(
        ResponseStream,
        [
          {
            // Called at once, below: both readers exist before either can leave.
            open: ({ abortSource: branchSource }: OpenOptions) => {
              const events = splitter.branch({ signal: branchSource });
              return source.then((answer) => ({ ...answer, events }));
            },
            accumulate: (answer: { requestId: string | undefined; headers: Record<string, string> }) =>
              accumulate({ ...answer, primary }),
            transport: this.#transport,
            finalName: this.#finalName,
          } satisfies ResponseStreamOptions<Chunk, Final>,
        ],
        this.constructor,
      ) as this;
    const branches: [this, this] = [branch(true), branch(false)];
    for (const reader of branches) void reader.#start().catch(ignore);
    branches[0].#final.then(
      (value) => this.#settle({ value }),
      (error: unknown) => this.#settle({ error }),
    );
    return branches;
  }

  #start(): Promise<StreamTransportResponse> {
    if (this.#source) return this.#source;
    if (this.#ended) return Promise.reject(this.#ended);
    const opened = this.#opened;
    this.#forget = this.#transport?.holdUnreadStream({
      end: this.#endUnread,
      onCollected: releaseWhenCollected(opened),
    });
    let answer: StreamTransportResponse | Promise<StreamTransportResponse>;
    try {
      const open = this.#open;
      answer =
        typeof open === 'function'
          ? open(
              new OpenOptionsOf({
                abortSource: this.#abortSource,
                isWanted: () => this.#ended === undefined,
              }),
            )
          : open;
    } catch (error) {
      answer = Promise.reject(error);
    }
    if (!isPromise(answer)) {
      // Known at once: `abort()` right after can free it at once too.
      opened.answer = answer;
      this.#source = Promise.resolve(answer);
    } else {
      this.#source = answer.then((received) => {
        opened.answer = received;
        return received;
      });
      // A request that failed holds no socket: nothing is left for the transport's close to end.
      const forget = this.#forget;
      this.#source.then(undefined, () => forget?.());
    }
    return this.#source;
  }

  async #drain(): Promise<void> {
    try {
      for await (const _chunk of this) {
        // Reading to the end is what settles the whole answer.
      }
    } catch {
      // Already delivered through final().
    }
  }

  static {
    abortUnread = (stream) => {
      if (stream) stream.#onAbort();
    };
  }

  #onAbort(): void {
    // Nobody reads yet, so nothing else would settle the answer or free the connection.
    void this.#endUnread(
      new AbortedError('The stream was aborted before it was read.', {
        cause: this.#abortSource.reason,
      }),
    );
  }

  /**
   * Ends a stream nobody reads yet: the whole answer rejects with `reason`, a request not sent
   * yet is not sent, and the events are let go of, which frees the socket (now, or once the
   * headers arrive). The transport's `close()` calls it, through its weak hold.
   */
  readonly #endUnread = async (reason: AbortedError): Promise<void> => {
    if (this.#reading || this.#settled) return;
    this.#ended = reason;
    this.#settle({ error: reason });
    const known = this.#opened.answer;
    if (known) return releaseEvents(known);
    const answer = await this.#source?.catch(() => undefined);
    if (answer) await releaseEvents(answer);
  };

  #settle(outcome: { value: Final } | { error: unknown }): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#forget?.();
    this.#unlink?.();
    this.#onSettled?.();
    if ('value' in outcome) this.#resolve(outcome.value);
    else this.#reject(outcome.error);
  }
}

/** What a `ChunkIterator` asks of its stream. */
interface ChunkIteratorHooks<Chunk, Final> {
  signal: AbortSource;
  /** Sends the request (once) and gives the answer once its headers arrived. */
  start: () => Promise<StreamTransportResponse>;
  /** The reader takes the answer in hand; throws when the stream ended meanwhile. */
  begin: (answer: StreamTransportResponse) => ResponseAccumulator<Chunk, Final>;
  settle: (outcome: { value: Final } | { error: unknown }) => void;
  /** Ends a stream whose reader left before reading anything. */
  endUnread: (cause: unknown) => Promise<void>;
}

const finished: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true }) as never;

/**
 * The iterator a loop gets. Hand-written rather than an async generator over the events: a
 * generator pays its own promise, queue entry and microtask turns per chunk on top of the
 * events' own, which was most of the per-chunk cost above the wire. An event the transport
 * has already decoded is folded and handed out with a single resolved promise. Leaving the
 * loop (`return()`/`throw()`), even before the first `next()`, lets go of the events, which
 * frees the socket; the whole answer then rejects with an `AbortedError`.
 */
class ChunkIterator<Chunk, Final> implements AsyncIterator<Chunk> {
  readonly #hooks: ChunkIteratorHooks<Chunk, Final>;
  #phase: 'new' | 'reading' | 'ended' = 'new';
  #events: AsyncIterator<unknown> | undefined;
  #accumulator: ResponseAccumulator<Chunk, Final> | undefined;
  /** A `next()` that has to wait (for the headers, or the network); later calls queue behind it. */
  #waiting: Promise<unknown> | undefined;

  constructor(hooks: ChunkIteratorHooks<Chunk, Final>) {
    this.#hooks = hooks;
  }

  next(): Promise<IteratorResult<Chunk>> {
    if (this.#waiting) return this.#after(() => this.next());
    if (this.#phase === 'reading') {
      let event: unknown;
      try {
        event = takeBufferedEvent(this.#events);
      } catch (error) {
        return this.#fail({ error, release: false });
      }
      if (event !== noBufferedEvent) return this.#chunkOf(event);
    } else if (this.#phase === 'ended') return Promise.resolve(finished);
    const step = this.#step();
    this.#waiting = step;
    const clear = () => {
      this.#waiting = undefined;
    };
    step.then(clear, clear);
    return step;
  }

  async return(): Promise<IteratorResult<Chunk>> {
    if (this.#waiting) await this.#waiting.then(undefined, ignore);
    if (this.#phase === 'new') {
      this.#phase = 'ended';
      await this.#hooks.endUnread(undefined);
    } else if (this.#phase === 'reading') {
      this.#phase = 'ended';
      // The reader left early: the whole answer cannot complete.
      this.#hooks.settle({
        error: new AbortedError('The stream was closed before its end, so there is no final answer.'),
      });
      await this.#events!.return?.();
    }
    return finished;
  }

  async throw(error?: unknown): Promise<IteratorResult<Chunk>> {
    if (this.#waiting) await this.#waiting.then(undefined, ignore);
    if (this.#phase === 'new') {
      this.#phase = 'ended';
      await this.#hooks.endUnread(error);
    } else if (this.#phase === 'reading') {
      this.#phase = 'ended';
      this.#hooks.settle({ error });
      await this.#events!.return?.();
    }
    throw error;
  }

  #after(call: () => Promise<IteratorResult<Chunk>>): Promise<IteratorResult<Chunk>> {
    return this.#waiting!.then(call, call);
  }

  /** One event folded into its chunk, or the failure that ends the stream. */
  #chunkOf(event: unknown): Promise<IteratorResult<Chunk>> {
    // Events that do not come from the wire (a middleware's) do not hear the signal.
    const signal = this.#hooks.signal;
    if (signal.aborted) return this.#fail({ error: abortedWhileReading(signal), release: true });
    let value: Chunk;
    try {
      value = this.#accumulator!.add(event);
    } catch (error) {
      return this.#fail({ error, release: true });
    }
    return Promise.resolve({ value, done: false });
  }

  async #step(): Promise<IteratorResult<Chunk>> {
    let result: IteratorResult<unknown>;
    try {
      if (this.#phase === 'new') {
        this.#phase = 'reading';
        const answer = await this.#hooks.start();
        this.#accumulator = this.#hooks.begin(answer);
        this.#events = answer.events[Symbol.asyncIterator]();
      }
      result = await this.#events!.next();
    } catch (error) {
      return this.#fail({ error, release: false });
    }
    if (this.#phase !== 'reading') return finished;
    if (!result.done) return this.#chunkOf(result.value);
    this.#phase = 'ended';
    const accumulator = this.#accumulator!;
    // The stream object outlives its reading (a dropped one is only collected by a full GC).
    this.#accumulator = undefined;
    this.#events = undefined;
    let final: Final;
    try {
      final = accumulator.result();
    } catch (error) {
      this.#hooks.settle({ error });
      throw error;
    }
    this.#hooks.settle({ value: final });
    return finished;
  }

  /**
   * Ends the stream with `error`. The events are let go of (`release`) when they did not fail
   * themselves, as leaving a `for await` loop by an exception would.
   */
  async #fail({ error, release }: { error: unknown; release: boolean }): Promise<never> {
    this.#phase = 'ended';
    const events = this.#events;
    this.#accumulator = undefined;
    this.#events = undefined;
    this.#hooks.settle({ error });
    if (release) await events?.return?.()?.then(undefined, ignore);
    throw error;
  }
}

/**
 * The stream's abort source: its abort (the stream's `abort()`, the caller's signal forwarded,
 * `stream.controller.abort()`) also runs the stream's own abort handling, before the listeners
 * (the transport's call). It holds the stream weakly: the transport's call keeps the source
 * until its total timeout, and must not keep a dropped stream with it.
 */
class StreamAbortSource<Chunk, Final> extends AbortSource {
  readonly #stream: WeakRef<ResponseStream<Chunk, Final>>;

  constructor(stream: WeakRef<ResponseStream<Chunk, Final>>) {
    super();
    this.#stream = stream;
  }

  protected override onAborted(): void {
    abortUnread(this.#stream.deref());
  }
}

/** `stream.controller`, as with `openai`: its `abort()` is the stream's, its signal the stream's. */
class StreamController extends AbortController {
  readonly #source: AbortSource;

  constructor(source: AbortSource) {
    super();
    this.#source = source;
  }

  override get signal(): AbortSignal {
    return this.#source.signal;
  }

  override abort(reason?: unknown): void {
    this.#source.abort(reason);
  }
}

/** What `open` is given; `signal` made only when read (a class: an object literal with a getter costs more to make). */
class OpenOptionsOf implements OpenOptions {
  readonly abortSource: AbortSource;
  readonly isWanted: () => boolean;

  constructor({ abortSource, isWanted }: { abortSource: AbortSource; isWanted: () => boolean }) {
    this.abortSource = abortSource;
    this.isWanted = isWanted;
  }

  get signal(): AbortSignal {
    return this.abortSource.signal;
  }
}

/** Aborts `to` when `from` aborts; gives the function that stops listening. */
function forwardAbort({ from, to }: { from: AbortSignal; to: AbortSource }): (() => void) | undefined {
  const forward = () => to.abort(from.reason);
  if (from.aborted) {
    forward();
    return undefined;
  }
  return onAbort({ signal: from, listener: forward });
}

/**
 * Frees the connection of a stream collected unread. A function of its own, so the closure
 * holds the answer only, never the stream (which would then never be collected).
 */
function releaseWhenCollected(opened: { answer: StreamTransportResponse | undefined }): () => void {
  return () => {
    if (opened.answer) void releaseEvents(opened.answer);
  };
}

function abortedWhileReading(signal: AbortSource): AbortedError {
  return new AbortedError('The stream was aborted while it was read.', { cause: signal.reason });
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown }).then === 'function';
}

/** Frees the socket of an answer nobody will read (the transport's events allow `return()` before any `next()`). */
function releaseEvents(answer: StreamTransportResponse): Promise<void> {
  const ended = answer.events[Symbol.asyncIterator]().return?.();
  return ended ? ended.then(ignore, ignore) : Promise.resolve();
}

const ignore = (): void => {};
