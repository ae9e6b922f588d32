import { AbortedError, TimeoutError } from './errors.js';

/**
 * What one call (all its tries, and the stream it returns) shares: an AbortSignal that
 * fires on the caller's abort or on the total timeout, with a gemgate error as its reason,
 * and a sleep for backoff that the same signal cuts short.
 */
export class CallScope {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly callerSignal: AbortSignal | undefined;
  private readonly deadline: number;
  private disposed = false;

  constructor({
    callerSignal,
    totalTimeout,
  }: { callerSignal: AbortSignal | undefined; totalTimeout: number }) {
    this.signal = this.controller.signal;
    this.callerSignal = callerSignal;
    this.deadline = Date.now() + totalTimeout;
    this.timer = setTimeout(() => {
      this.controller.abort(
        new TimeoutError(`The call did not finish within the total timeout of ${totalTimeout} ms.`, {
          phase: 'total',
          timeoutMs: totalTimeout,
        }),
      );
    }, totalTimeout);
    // The timer alone must not keep a process alive; an open request keeps it alive anyway.
    this.timer.unref();
    if (callerSignal) {
      if (callerSignal.aborted) this.onCallerAbort();
      else callerSignal.addEventListener('abort', this.onCallerAbort, { once: true });
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
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, milliseconds);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Stops the timer and forgets the caller's signal; call once the call is over. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }

  private readonly onCallerAbort = (): void => {
    this.controller.abort(
      new AbortedError('The request was aborted by the caller.', { cause: this.callerSignal?.reason }),
    );
  };
}
