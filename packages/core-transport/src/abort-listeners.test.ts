import { describe, expect, it } from 'vitest';
import { AbortSource, onAbort } from './abort-listeners.js';

describe('AbortSource and onAbort', () => {
  it('calls each listener once, in order, with the reason already set', () => {
    const source = new AbortSource();
    const heard: string[] = [];
    onAbort({ signal: source, listener: () => heard.push(`first:${String(source.reason)}`) });
    onAbort({ signal: source, listener: () => heard.push('second') });
    source.abort('why');
    source.abort('again');
    expect(heard).toEqual(['first:why', 'second']);
    expect(source.aborted).toBe(true);
  });

  it('gives an AbortError as the reason when none is given, as AbortController does', () => {
    const source = new AbortSource();
    source.abort();
    expect((source.reason as DOMException).name).toBe('AbortError');
  });

  it('makes a real AbortSignal on demand that aborts with it, before or after', () => {
    const early = new AbortSource();
    const signal = early.signal;
    let events = 0;
    signal.addEventListener('abort', () => events++);
    early.abort('now');
    expect([signal.aborted, signal.reason, events]).toEqual([true, 'now', 1]);
    const late = new AbortSource();
    late.abort('before');
    expect([late.signal.aborted, late.signal.reason]).toEqual([true, 'before']);
    // One signal per source.
    expect(early.signal).toBe(signal);
  });

  it('stops hearing once the returned function is called, on either kind of signal', () => {
    const source = new AbortSource();
    const controller = new AbortController();
    let heard = 0;
    onAbort({ signal: source, listener: () => heard++ })();
    onAbort({ signal: controller.signal, listener: () => heard++ })();
    source.abort();
    controller.abort();
    expect(heard).toBe(0);
  });

  it('hears a plain AbortSignal, including one made by AbortSignal.any', () => {
    const inner = new AbortController();
    let heard = 0;
    onAbort({ signal: AbortSignal.any([inner.signal]), listener: () => heard++ });
    inner.abort();
    expect(heard).toBe(1);
  });

  it('runs a subclass hook before the listeners', () => {
    const order: string[] = [];
    class Hooked extends AbortSource {
      protected override onAborted(): void {
        order.push('hook');
      }
    }
    const source = new Hooked();
    onAbort({ signal: source, listener: () => order.push('listener') });
    source.abort();
    expect(order).toEqual(['hook', 'listener']);
  });
});
