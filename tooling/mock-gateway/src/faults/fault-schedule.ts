import type { ScheduledFault } from '../types.js';

/**
 * The programmatic fault queue: faults wait here until a request without an `x-mock-fault`
 * header matches them, and each is used `times` times.
 */
export class FaultSchedule {
  #entries: { fault: string; remaining: number; path: RegExp | undefined }[] = [];

  add({ fault, times = 1, path }: ScheduledFault): void {
    this.#entries.push({ fault, remaining: times, path });
  }

  /** Takes the first fault that matches `path`, consuming one of its uses. */
  take({ path }: { path: string }): string | undefined {
    const index = this.#entries.findIndex((entry) => !entry.path || entry.path.test(path));
    const entry = this.#entries[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#entries.splice(index, 1);
    return entry.fault;
  }

  clear(): void {
    this.#entries = [];
  }
}
