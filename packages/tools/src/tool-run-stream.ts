import type { ToolRunEvent, ToolRunResult } from './tool-run-types.js';

/**
 * A streamed tool run (`runTools({ stream: true })`): iterate it for the run's events while it
 * runs, and/or await `result`. The run starts at once and its events are buffered until read.
 * Leaving the loop early (or `abort()`) aborts the run; a failed run ends the loop with its
 * error, and `result` rejects with it (not an unhandled rejection when nobody awaits it).
 *
 * @example
 * ```ts
 * const run = runTools({ client, model, input, tools, stream: true });
 * for await (const event of run) if (event.type === 'text-delta') process.stdout.write(event.text);
 * console.log((await run.result).usage);
 * ```
 */
export class ToolRunStream implements AsyncIterable<ToolRunEvent> {
  /** The run's result once it ends. */
  readonly result: Promise<ToolRunResult>;
  readonly #controller = new AbortController();
  readonly #buffered: ToolRunEvent[] = [];
  #wake: (() => void) | undefined;
  #ended = false;
  #error: { error: unknown } | undefined;
  #iterated = false;

  /** @internal Built by `runTools`. */
  constructor({
    start,
    signal,
  }: {
    start: (options: { emit: (event: ToolRunEvent) => void; signal: AbortSignal }) => Promise<ToolRunResult>;
    signal: AbortSignal | undefined;
  }) {
    const combined = signal ? AbortSignal.any([signal, this.#controller.signal]) : this.#controller.signal;
    this.result = start({ emit: (event) => this.#push(event), signal: combined }).then(
      (result) => {
        this.#end();
        return result;
      },
      (error: unknown) => {
        this.#error = { error };
        this.#end();
        throw error;
      },
    );
    this.result.catch(() => {});
  }

  /** Stops the run: the model's call is cancelled and running tools see their signal fire. */
  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ToolRunEvent, void, undefined> {
    if (this.#iterated) throw new TypeError('A ToolRunStream can be iterated once.');
    this.#iterated = true;
    let finished = false;
    try {
      while (true) {
        const event = this.#buffered.shift();
        if (event !== undefined) {
          yield event;
          continue;
        }
        if (this.#ended) break;
        await new Promise<void>((resolve) => {
          this.#wake = resolve;
        });
      }
      finished = true;
      if (this.#error) throw this.#error.error;
    } finally {
      // A loop left early ends the run, so no model call or tool keeps going unread.
      if (!finished && !this.#ended) {
        this.abort();
        await this.result.catch(() => {});
      }
    }
  }

  #push(event: ToolRunEvent): void {
    this.#buffered.push(event);
    this.#wakeReader();
  }

  #end(): void {
    this.#ended = true;
    this.#wakeReader();
  }

  #wakeReader(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
