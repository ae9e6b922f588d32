/**
 * A promise whose work starts only when someone asks for its value (`then`, `catch`,
 * `finally`, `await`). It never reports an unhandled rejection: a result nobody asked for is
 * nobody's problem.
 *
 * @example
 * ```ts
 * import { LazyPromise } from '@gemgate/native-gemini';
 * const lazy = new LazyPromise<number>({ onDemand: () => console.log('started') });
 * lazy.resolve(1);
 * await lazy; // logs 'started', then gives 1
 * ```
 */
export class LazyPromise<T> implements Promise<T> {
  readonly [Symbol.toStringTag] = 'Promise';
  readonly #promise: Promise<T>;
  readonly #onDemand: () => void;
  #settled = false;
  resolve!: (value: T) => void;
  reject!: (reason: unknown) => void;

  constructor({ onDemand }: { onDemand: () => void }) {
    this.#onDemand = onDemand;
    this.#promise = new Promise<T>((resolve, reject) => {
      this.resolve = (value) => {
        this.#settled = true;
        resolve(value);
      };
      this.reject = (reason) => {
        this.#settled = true;
        reject(reason);
      };
    });
    this.#promise.catch(() => {});
  }

  /** Resolves once settled, either way, without starting the work (for whoever only waits its turn). */
  whenSettled(): Promise<void> {
    return this.#promise.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Whether `resolve` or `reject` was called. */
  get settled(): boolean {
    return this.#settled;
  }

  // biome-ignore lint/suspicious/noThenProperty: this object is a promise by design.
  then<TResult1 = T, TResult2 = never>(
    onFulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | null,
    onRejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    this.#onDemand();
    return this.#promise.then(onFulfilled, onRejected);
  }

  catch<TResult = never>(
    onRejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<T | TResult> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    this.#onDemand();
    return this.#promise.finally(onFinally);
  }
}
