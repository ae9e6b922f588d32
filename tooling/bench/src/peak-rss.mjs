// The peak RSS one piece of work adds to a process, measured from just before it.
//
// `process.resourceUsage().maxRSS` is the high-water mark of the process's whole life, so
// "maxRSS after minus RSS before" also counts any spike *before* the work that was already
// released. One such spike comes with every undici-based client (raw undici, fetch, the SDKs,
// gemgate): after undici's first requests V8 tiers its llhttp WebAssembly parser up to TurboFan
// on a background thread, which allocates about 29 MiB of compiler memory for ~150 ms and frees
// it. Whether that lands before, during or after the measured call was a matter of timing: it
// made the same upload measure anywhere between +4 and +35 MiB.
//
// So the measurement (1) lets the warmed-up process settle, so background work started by the
// warm-up has finished, and (2) resets the kernel's high-water mark to the current RSS through
// `/proc/self/clear_refs` (Linux ≥ 4.0), then reads `VmHWM` after the work. Where that file
// cannot be written, it falls back to `maxRSS` and says so in `method`.
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const settleMs = 1_000;

function highWaterMarkMiB() {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  if (!match) throw new Error('/proc/self/status has no VmHWM line.');
  return Number(match[1]) / 1024;
}

/**
 * Runs `work` and returns the peak RSS it added, in MiB, with how it was measured.
 *
 * @param {() => Promise<void>} work
 * @returns {Promise<{ startMiB: number, peakMiB: number, peakAboveStartMiB: number, method: 'VmHWM reset' | 'maxRSS' }>}
 */
export async function measurePeakRss(work) {
  await sleep(settleMs);
  let method = 'VmHWM reset';
  try {
    // "5" resets the peak RSS to the current RSS (proc(5), /proc/pid/clear_refs).
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    method = 'maxRSS';
  }
  const startMiB = process.memoryUsage().rss / 2 ** 20;
  await work();
  const peakMiB = method === 'maxRSS' ? process.resourceUsage().maxRSS / 1024 : highWaterMarkMiB();
  return {
    startMiB: Number(startMiB.toFixed(1)),
    peakMiB: Number(peakMiB.toFixed(1)),
    peakAboveStartMiB: Number((peakMiB - startMiB).toFixed(1)),
    method,
  };
}
