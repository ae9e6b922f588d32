/**
 * A cancellation source cheaper than an `AbortController`: on Node 20, creating an
 * `AbortSignal` costs about 10 µs, more than the rest of a streamed call's set-up together
 * (see tooling/bench). gemgate's own streams hand one of these to the transport (as
 * `TransportRequest.abortSource`); a real `AbortSignal` is made only when someone asks for
 * `signal` (a middleware reading `request.signal`, a caller reading `stream.controller`).
 *
 * @example
 * ```ts
 * const source = new AbortSource();
 * const stop = onAbort({ signal: source, listener: () => console.log('aborted') });
 * source.abort(); // logs 'aborted'
 * ```
 */
export class AbortSource {
  aborted = false;
  reason: unknown = undefined;
  #listeners: Array<() => void> = [];
  #controller: AbortController | undefined = undefined;

  /** Aborts: runs `aborted()` (a subclass's own handling), then every listener, once. */
  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason ?? new DOMException('This operation was aborted', 'AbortError');
    this.onAborted();
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener();
    this.#controller?.abort(this.reason);
  }

  /** Calls `listener` once on abort; gives the function that stops listening. */
  listen(listener: () => void): () => void {
    this.#listeners.push(listener);
    return () => {
      const index = this.#listeners.indexOf(listener);
      if (index !== -1) this.#listeners.splice(index, 1);
    };
  }

  /** A real `AbortSignal` that aborts with this source, made on first use. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }

  /** Runs first when the source aborts, before its listeners. */
  protected onAborted(): void {}
}

/**
 * Calls `listener` once when `signal` aborts (not when it already has: check `aborted`
 * first); gives the function that stops listening. Takes an `AbortSignal` or an `AbortSource`.
 *
 * @example
 * ```ts
 * const stop = onAbort({ signal, listener: () => socket.destroy() });
 * stop(); // the call is over
 * ```
 */
export function onAbort({
  signal,
  listener,
}: {
  signal: AbortSignal | AbortSource;
  listener: () => void;
}): () => void {
  if (signal instanceof AbortSource) return signal.listen(listener);
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}
