import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { measurePeakRss } from './peak-rss.mjs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

describe('measurePeakRss', () => {
  it('counts memory the work touches, and not a spike released before it', async () => {
    const rssMiB = () => process.memoryUsage().rss / 2 ** 20;
    let spike = Buffer.alloc(256 * 2 ** 20, 1);
    const withSpike = rssMiB();
    spike = undefined;
    // Array buffers are freed by a sweeper task after the collection: give it a moment.
    for (let round = 0; round < 5 && withSpike - rssMiB() < 200; round++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The spike really was given back, so a lifetime peak (maxRSS) would still show it.
    const released = withSpike - rssMiB();
    expect(released).toBeGreaterThan(200);
    expect(spike).toBeUndefined();

    const peak = await measurePeakRss(async () => {
      const during = Buffer.alloc(48 * 2 ** 20, 1);
      expect(during.at(-1)).toBe(1);
    });
    expect(peak.method).toBe('VmHWM reset');
    expect(peak.peakAboveStartMiB).toBeGreaterThanOrEqual(40);
    // Far below what a lifetime peak minus the start would have read (at least `released`).
    expect(peak.peakAboveStartMiB).toBeLessThan(Math.min(released, 80));
  });
});
