/** One page as the upstream answers it. */
export interface Page<T> {
  items: T[];
  nextPageToken: string | undefined;
}

/**
 * A paged list (`models.list`, `caches.list`), shaped like `@google/genai`'s `Pager`:
 * `page` holds the current page, `nextPage()` fetches the next, and `for await` walks every
 * item of every page, fetching lazily.
 *
 * @example
 * ```ts
 * import { createGemini } from '@gemgate/native-gemini';
 * const gemini = createGemini({ apiKey: 'sk-...' });
 * for await (const model of await gemini.models.list({ config: { pageSize: 50 } })) console.log(model.name);
 * ```
 */
export class Pager<T> implements AsyncIterable<T> {
  #page: Page<T>;
  readonly #fetchPage: (pageToken: string | undefined) => Promise<Page<T>>;

  constructor({
    first,
    fetchPage,
  }: { first: Page<T>; fetchPage: (pageToken: string | undefined) => Promise<Page<T>> }) {
    this.#page = first;
    this.#fetchPage = fetchPage;
  }

  /** The items of the current page. */
  get page(): readonly T[] {
    return this.#page.items;
  }

  /** Whether the upstream has another page. */
  hasNextPage(): boolean {
    return this.#page.nextPageToken !== undefined && this.#page.nextPageToken !== '';
  }

  /** Fetches the next page, makes it current and returns its items. */
  async nextPage(): Promise<readonly T[]> {
    if (!this.hasNextPage()) return [];
    this.#page = await this.#fetchPage(this.#page.nextPageToken);
    return this.#page.items;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    while (true) {
      yield* this.#page.items;
      if (!this.hasNextPage()) return;
      await this.nextPage();
    }
  }
}
