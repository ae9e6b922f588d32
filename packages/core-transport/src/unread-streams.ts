import type { AbortedError } from './errors.js';

/** How a stream nobody reads yet is ended: it settles with `reason` and frees its connection. */
export type EndUnread = (reason: AbortedError) => Promise<void>;

/** What the transport holds of one unread stream. */
export interface UnreadStreamHold {
  /** Ends the stream; held weakly, so the stream must keep it (one of its fields). */
  end: EndUnread;
  /**
   * Frees the connection of a stream collected without being read. Must not refer to the
   * stream itself, or the stream would never be collected.
   */
  onCollected?: (() => void) | undefined;
}

/**
 * A transport's streams whose answer is open but not being read yet, so that `close()` can
 * end them instead of waiting for their sockets until the total timeout. Held weakly: a stream
 * dropped unread and then collected leaves the set with it (and its `onCollected` frees its
 * connection), so a long-lived client does not keep every stream it ever dropped.
 *
 * @example
 * ```ts
 * const unreadStreams = new UnreadStreams();
 * const forget = unreadStreams.add({ end: endUnread }); // when the stream's request leaves
 * forget(); // once it is read or settled
 * await unreadStreams.endAll(new AbortedError('The client was closed.')); // in close()
 * ```
 */
export class UnreadStreams {
  readonly #entries = new Set<WeakRef<EndUnread>>();
  readonly #registry = new FinalizationRegistry<{
    entry: WeakRef<EndUnread>;
    onCollected: (() => void) | undefined;
  }>(({ entry, onCollected }) => {
    this.#entries.delete(entry);
    onCollected?.();
  });

  /** Holds `end` weakly until the returned function is called. */
  add({ end, onCollected }: UnreadStreamHold): () => void {
    const entry = new WeakRef(end);
    this.#entries.add(entry);
    this.#registry.register(end, { entry, onCollected }, entry);
    return () => {
      if (this.#entries.delete(entry)) this.#registry.unregister(entry);
    };
  }

  /** How many streams are held. */
  get size(): number {
    return this.#entries.size;
  }

  /** Ends every stream still unread, and waits until each has let go of its connection. */
  async endAll(reason: AbortedError): Promise<void> {
    // Each entry leaves the set as its stream ends, so they are ended from a copy.
    await Promise.allSettled([...this.#entries].map((entry) => entry.deref()?.(reason)));
  }
}
