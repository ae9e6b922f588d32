/** How a stream nobody reads yet is ended: it settles with `reason` and frees its connection. */
export type EndUnread = (reason: unknown) => Promise<void>;

/**
 * A client's streams whose answer is open but not being read yet, so that `close()` can end
 * them instead of waiting for their sockets until the total timeout. Held weakly: a stream
 * dropped unread and then collected leaves the set with it (its connection ended at the
 * call's timeout), so a long-lived client does not collect every stream it ever dropped.
 *
 * @example
 * ```ts
 * const unreadStreams = new UnreadStreams();
 * const entry = unreadStreams.add(endUnread); // when the stream is created
 * unreadStreams.delete(entry); // once it is read or settled
 * await unreadStreams.endAll(new AbortedError('The client was closed.')); // in close()
 * ```
 */
export class UnreadStreams {
  readonly #entries = new Set<WeakRef<EndUnread>>();
  readonly #registry = new FinalizationRegistry<WeakRef<EndUnread>>((entry) => this.#entries.delete(entry));

  /** `endUnread` must be held by its stream (one of its fields) for as long as the stream lives. */
  add(endUnread: EndUnread): WeakRef<EndUnread> {
    const entry = new WeakRef(endUnread);
    this.#entries.add(entry);
    this.#registry.register(endUnread, entry, entry);
    return entry;
  }

  delete(entry: WeakRef<EndUnread>): void {
    if (this.#entries.delete(entry)) this.#registry.unregister(entry);
  }

  /** How many streams are held: for tests. */
  get size(): number {
    return this.#entries.size;
  }

  /** Ends every stream still unread, and waits until each has let go of its connection. */
  async endAll(reason: unknown): Promise<void> {
    // Each entry leaves the set as its stream ends, so they are ended from a copy.
    await Promise.allSettled([...this.#entries].map((entry) => entry.deref()?.(reason)));
  }
}
