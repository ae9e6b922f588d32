/**
 * An async generator's iterator that runs `onEndUnread` when it is ended (`return()` or
 * `throw()`) before its first `next()`. A generator ended that early never runs, so its
 * `finally` is skipped: whatever it would have released there (a stream's socket) is released
 * by `onEndUnread` instead. `next()` only forwards, so reading costs nothing more.
 *
 * @example
 * ```ts
 * const iterator = new EndUnreadIterator({ generator: read(), onEndUnread: () => source.return() });
 * await iterator.return(); // `source` is released although `read()` never ran
 * ```
 */
export class EndUnreadIterator<T> implements AsyncIterableIterator<T> {
  readonly #generator: AsyncGenerator<T, void, undefined>;
  readonly #onEndUnread: (reason: { error: unknown } | undefined) => Promise<void>;
  #running = false;

  constructor({
    generator,
    onEndUnread,
  }: {
    generator: AsyncGenerator<T, void, undefined>;
    /** Gets the error passed to `throw()`, or `undefined` for `return()`. */
    onEndUnread: (reason: { error: unknown } | undefined) => Promise<void>;
  }) {
    this.#generator = generator;
    this.#onEndUnread = onEndUnread;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    this.#running = true;
    return this.#generator.next();
  }

  async return(): Promise<IteratorResult<T>> {
    if (this.#running) return this.#generator.return(undefined);
    this.#running = true;
    // Ends the generator for good before anything is awaited: a `next()` racing this one
    // must not start it.
    const ended = this.#generator.return(undefined);
    await this.#onEndUnread(undefined);
    return ended;
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    if (this.#running) return this.#generator.throw(error);
    this.#running = true;
    const ended = this.#generator.throw(error);
    // It rejects with `error`, which is handed on below, unless `onEndUnread` fails first.
    ended.catch(ignore);
    await this.#onEndUnread({ error });
    return ended;
  }
}

const ignore = (): void => {};
