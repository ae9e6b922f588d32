import { type AbortSource, onAbort } from './abort-listeners.js';
import { AbortedError, type GemgateError, TimeoutError } from './errors.js';
import { preciseTimeoutBelowMs } from './precise-timeout.js';

type Listener = () => void;

const noop = (): void => {};
/** Node fires a longer timer after 1 ms (with a warning): such a timeout means "no limit". */
const longestTimerMs = 2_147_483_647;

/**
 * The cancellation signal one call hands to undici. undici accepts any emitter with
 * `on`/`once`/`removeListener` and `aborted`/`reason`; this one costs a few hundred
 * nanoseconds where an `AbortController` costs microseconds, which mattered against the
 * per-request budget (see tooling/bench).
 */
export class CallSignal {
  aborted = false;
  reason: GemgateError | undefined = undefined;
  private listeners: Listener[] = [];

  on(_event: 'abort', listener: Listener): this {
    this.listeners.push(listener);
    return this;
  }

  once(event: 'abort', listener: Listener): this {
    return this.on(event, listener);
  }

  removeListener(_event: 'abort', listener: Listener): this {
    const index = this.listeners.indexOf(listener);
    if (index !== -1) this.listeners.splice(index, 1);
    return this;
  }

  abort(reason: GemgateError): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }
}

/**
 * What one call (all its tries, and the stream it returns) shares: a signal that fires
 * on the caller's abort or on the total timeout, with a gemgate error as its reason, and
 * a sleep for backoff that the same signal cuts short.
 */
export class CallScope {
  readonly signal = new CallSignal();
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private readonly callerSignal: AbortSignal | AbortSource | undefined;
  private stopListening: (() => void) | undefined = undefined;
  private readonly deadline: number;
  private disposed = false;

  constructor({
    callerSignal,
    totalTimeout,
  }: { callerSignal: AbortSignal | AbortSource | undefined; totalTimeout: number }) {
    this.callerSignal = callerSignal;
    this.deadline = Date.now() + totalTimeout;
    if (totalTimeout <= longestTimerMs) {
      this.timer = setTimeout(() => {
        this.signal.abort(
          new TimeoutError(`The call did not finish within the total timeout of ${totalTimeout} ms.`, {
            phase: 'total',
            timeoutMs: totalTimeout,
          }),
        );
      }, totalTimeout);
      // The timer alone must not keep a process alive; an open request keeps it alive anyway.
      this.timer.unref();
    }
    if (callerSignal) {
      if (callerSignal.aborted) this.onCallerAbort();
      else this.stopListening = onAbort({ signal: callerSignal, listener: this.onCallerAbort });
    }
  }

  /** Milliseconds left before the total timeout. */
  remaining(): number {
    return this.deadline - Date.now();
  }

  /** Waits `milliseconds`, or rejects with the abort reason as soon as the call is aborted. */
  sleep(milliseconds: number): Promise<void> {
    const signal = this.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeListener('abort', onAbort);
        resolve();
      }, milliseconds);
      signal.once('abort', onAbort);
    });
  }

  /**
   * The signal for one try: it fires with the call's signal, and also with a first-byte
   * `TimeoutError` when no headers arrived within `firstByteMs`. undici's own header timer
   * ticks about every half second and fires up to a second late, so short first-byte
   * timeouts, where that matters, get a timer of their own; call `headersArrived()` to stop it.
   * With `afterBody`, the clock starts at `bodySent()` instead of now: like undici's timer,
   * it must not count the upload of a large streamed body as waiting for the answer.
   */
  attempt({ firstByteMs, afterBody = false }: { firstByteMs: number; afterBody?: boolean }): {
    signal: CallSignal;
    bodySent(): void;
    headersArrived(): void;
  } {
    if (firstByteMs >= preciseTimeoutBelowMs) {
      return { signal: this.signal, bodySent: noop, headersArrived: noop };
    }
    const parent = this.signal;
    const signal = new CallSignal();
    const forward = () => signal.abort(parent.reason!);
    if (parent.aborted) forward();
    else parent.once('abort', forward);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let answered = false;
    const start = () => {
      if (answered || timer !== undefined) return;
      timer = setTimeout(() => {
        signal.abort(
          new TimeoutError(`No answer within the first-byte timeout of ${firstByteMs} ms.`, {
            phase: 'firstByte',
            timeoutMs: firstByteMs,
          }),
        );
      }, firstByteMs);
      timer.unref();
    };
    if (!afterBody) start();
    return {
      signal,
      bodySent: start,
      headersArrived: () => {
        answered = true;
        clearTimeout(timer);
      },
    };
  }

  /** Stops the timer and forgets the caller's signal; call once the call is over. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.stopListening?.();
  }

  private readonly onCallerAbort = (): void => {
    this.signal.abort(
      new AbortedError('The request was aborted by the caller.', { cause: this.callerSignal?.reason }),
    );
  };
}
