import { TimeoutError } from './errors.js';

/**
 * The chunk-gap timeout of one stream, to the millisecond, at the cost of one timer per
 * stream rather than one per chunk: a chunk only stamps the time, and the timer, when it
 * fires, compares the stamp and either raises or sleeps for the rest of the gap. The gap is
 * counted only while the reader waits for a chunk; time the consumer spends with an event
 * (backpressure) is not silence, as with undici's own body timer.
 */
export class ChunkGapTimer {
  private readonly gapMs: number;
  private readonly onTimeout: (error: TimeoutError) => void;
  /** When the reader started waiting for the next chunk; -1 while it is busy with the last one. */
  private waitingSince = -1;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private stopped = false;

  constructor({ gapMs, onTimeout }: { gapMs: number; onTimeout: (error: TimeoutError) => void }) {
    this.gapMs = gapMs;
    this.onTimeout = onTimeout;
  }

  /** The reader asks for the next chunk: the gap starts now. */
  waiting(): void {
    this.waitingSince = performance.now();
    // Disarmed while the consumer was busy for a whole gap (rare): arm again.
    if (this.timer === undefined && !this.stopped) this.arm(this.gapMs);
  }

  /** A chunk arrived; the consumer has it until the next `waiting()`. */
  busy(): void {
    this.waitingSince = -1;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(delay: number): void {
    this.timer = setTimeout(this.check, delay);
    // The timer alone must not keep a process alive; the open socket does that.
    this.timer.unref();
  }

  private readonly check = (): void => {
    this.timer = undefined;
    if (this.stopped) return;
    const since = this.waitingSince;
    if (since < 0) return;
    const elapsed = performance.now() - since;
    if (elapsed < this.gapMs) {
      this.arm(this.gapMs - elapsed);
      return;
    }
    this.stopped = true;
    this.onTimeout(
      new TimeoutError(`The answer stalled longer than the chunk-gap timeout of ${this.gapMs} ms.`, {
        phase: 'chunkGap',
        timeoutMs: this.gapMs,
      }),
    );
  };
}
