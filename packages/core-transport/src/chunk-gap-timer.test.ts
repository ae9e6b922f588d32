import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChunkGapTimer } from './chunk-gap-timer.js';
import type { TimeoutError } from './errors.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function timer(gapMs: number) {
  const fired: TimeoutError[] = [];
  const gap = new ChunkGapTimer({ gapMs, onTimeout: (error) => fired.push(error) });
  return { gap, fired };
}

describe('ChunkGapTimer', () => {
  it('fires after exactly the gap of silence, naming the chunkGap phase', () => {
    const { gap, fired } = timer(200);
    gap.waiting();
    vi.advanceTimersByTime(199);
    expect(fired).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(fired).toHaveLength(1);
    expect(fired[0]!.phase).toBe('chunkGap');
    expect(fired[0]!.timeoutMs).toBe(200);
  });

  it('measures each gap from the last chunk, with one timer for the whole stream', () => {
    const { gap, fired } = timer(200);
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    gap.waiting();
    // 1,000 chunks 10 ms apart, then 100 chunks 150 ms apart: never a gap of 200 ms.
    for (let chunk = 0; chunk < 1100; chunk++) {
      vi.advanceTimersByTime(chunk < 1000 ? 10 : 150);
      gap.busy();
      gap.waiting();
    }
    expect(fired).toHaveLength(0);
    // The timer is re-armed only when it fires, at most once per half gap of stream time
    // (25 s here): about 50 times for the fast chunks, 100 for the slow ones; never per chunk.
    expect(setTimeoutSpy.mock.calls.length).toBeLessThanOrEqual(160);
    setTimeoutSpy.mockClear();
    for (let chunk = 0; chunk < 1000; chunk++) {
      gap.busy();
      gap.waiting();
    }
    expect(setTimeoutSpy).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(fired).toHaveLength(1);
  });

  it('does not count the time the consumer holds a chunk', () => {
    const { gap, fired } = timer(200);
    gap.waiting();
    vi.advanceTimersByTime(50);
    gap.busy();
    vi.advanceTimersByTime(5000);
    expect(fired).toHaveLength(0);
    gap.waiting();
    vi.advanceTimersByTime(199);
    expect(fired).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(fired).toHaveLength(1);
  });

  it('never fires once stopped', () => {
    const { gap, fired } = timer(100);
    gap.waiting();
    gap.stop();
    gap.waiting();
    vi.advanceTimersByTime(1000);
    expect(fired).toHaveLength(0);
  });
});
