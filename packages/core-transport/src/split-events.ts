import { type AbortSource, onAbort } from './abort-listeners.js';
import { AbortedError } from './errors.js';

type Delivery = IteratorResult<unknown> | { error: unknown };

/**
 * Two readers of one stream's events: each gets every event, in order, however far apart
 * they read (the faster one's events wait, in memory, for the slower). The source is read
 * only as fast as the faster reader asks. When both readers have left before the end,
 * `onAbandoned` runs and the source is ended, which frees its socket.
 *
 * @example
 * ```ts
 * const splitter = new EventSplitter({ source: opened.then((answer) => answer.events), onAbandoned: () => controller.abort() });
 * const first = splitter.branch({ signal: undefined });
 * const second = splitter.branch({ signal: undefined });
 * ```
 */
export class EventSplitter {
  readonly #source: Promise<AsyncIterable<unknown>>;
  readonly #onAbandoned: () => void;
  readonly #branches: Branch[] = [];
  #iterator: AsyncIterator<unknown> | undefined;
  #pulling: Promise<void> | undefined;
  #finished = false;

  constructor({ source, onAbandoned }: { source: Promise<AsyncIterable<unknown>>; onAbandoned: () => void }) {
    this.#source = source;
    // A request that failed reaches each reader through its own answer: this copy concerns no one.
    source.catch(ignore);
    this.#onAbandoned = onAbandoned;
  }

  /** A new reader; its `signal` aborting ends it with an `AbortedError` (the other reads on). */
  branch({ signal }: { signal: AbortSignal | AbortSource | undefined }): AsyncIterableIterator<unknown> {
    const branch = new Branch({ splitter: this, signal });
    this.#branches.push(branch);
    return branch;
  }

  /** Reads one more event from the source and hands it to every reader still there. */
  pull(): Promise<void> {
    this.#pulling ??= this.#source
      .then((source) => {
        this.#iterator ??= source[Symbol.asyncIterator]();
        return this.#iterator.next();
      })
      .then(
        (result) => {
          if (result.done) this.#finished = true;
          this.#deliver(result);
        },
        (error: unknown) => {
          this.#finished = true;
          this.#deliver({ error });
        },
      )
      .finally(() => {
        this.#pulling = undefined;
      });
    return this.#pulling;
  }

  #deliver(delivery: Delivery): void {
    for (const branch of this.#branches) if (branch.active) branch.queue.push(delivery);
  }

  /** A reader left: once none is left before the end, the source is given up. */
  left(): void {
    if (this.#finished || this.#branches.some((branch) => branch.active)) return;
    this.#finished = true;
    this.#onAbandoned();
    // The transport's events free their socket on `return()`, even before their first `next()`.
    this.#source
      .then((source) => (this.#iterator ?? source[Symbol.asyncIterator]()).return?.())
      .then(undefined, ignore);
  }
}

class Branch implements AsyncIterableIterator<unknown> {
  active = true;
  readonly queue: Delivery[] = [];
  readonly #splitter: EventSplitter;
  readonly #aborted: Promise<never> | undefined;
  #abortError: AbortedError | undefined;

  constructor({
    splitter,
    signal,
  }: { splitter: EventSplitter; signal: AbortSignal | AbortSource | undefined }) {
    this.#splitter = splitter;
    if (signal) {
      this.#aborted = new Promise<never>((_resolve, reject) => {
        const abort = () => {
          this.#abortError = new AbortedError('This reader of the stream was aborted.', {
            cause: signal.reason,
          });
          this.#leave();
          reject(this.#abortError);
        };
        if (signal.aborted) abort();
        else onAbort({ signal, listener: abort });
      });
      this.#aborted.catch(ignore);
    }
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<unknown>> {
    for (;;) {
      const delivery = this.queue.shift();
      if (delivery !== undefined) {
        if ('error' in delivery) {
          this.active = false;
          throw delivery.error;
        }
        if (delivery.done) this.active = false;
        return delivery;
      }
      if (!this.active) {
        if (this.#abortError) throw this.#abortError;
        return { value: undefined, done: true };
      }
      const pulled = this.#splitter.pull();
      await (this.#aborted ? Promise.race([pulled, this.#aborted]) : pulled);
    }
  }

  async return(): Promise<IteratorResult<unknown>> {
    this.#leave();
    return { value: undefined, done: true };
  }

  #leave(): void {
    if (!this.active) return;
    this.active = false;
    this.queue.length = 0;
    this.#splitter.left();
  }
}

const ignore = (): void => {};
