import { InvalidArgumentError } from '@gemgate/core-transport';

/**
 * The header that carries per-call cache settings to `responseCache` (removed before the call
 * leaves), and that marks an answer the cache gave (`hit`) or fetched (`miss`).
 */
export const cacheHeader = 'x-gemgate-cache';
/** On a cached answer: how many milliseconds ago it was stored. */
export const cacheAgeHeader = 'x-gemgate-cache-age';

/** Per-call cache settings. */
export interface CacheControl {
  /** How long this answer is kept, in ms, instead of the cache's `ttl`. */
  ttl?: number | undefined;
  /** Do not store this answer (a stored one may still answer). */
  noStore?: boolean | undefined;
  /** Do not answer from the cache: ask upstream, and store the new answer. */
  refresh?: boolean | undefined;
}

/**
 * Per-call cache settings as the header both clients pass through (`config.httpOptions.headers`
 * on the native client, the `headers` per-call option on the OpenAI-compatible one), so one
 * call can have its own TTL, skip storing, or skip the lookup. The header never reaches the
 * gateway: `responseCache` removes it.
 *
 * @example
 * ```ts
 * import { cacheControl } from '@gemgate/usage-cache';
 * // native: gemini.models.generateContent({ model, contents, config: { httpOptions: { headers: cacheControl({ refresh: true }) } } })
 * // openai: client.chat.completions.create(params, { headers: cacheControl({ ttl: 60_000 }) })
 * cacheControl({ ttl: 60_000, noStore: false }); // { 'x-gemgate-cache': 'ttl=60000' }
 * ```
 */
export function cacheControl({
  ttl,
  noStore = false,
  refresh = false,
}: CacheControl): Record<string, string> {
  const directives: string[] = [];
  if (ttl !== undefined) {
    checkTtl({ ttl, argument: 'ttl' });
    directives.push(`ttl=${ttl}`);
  }
  if (noStore) directives.push('no-store');
  if (refresh) directives.push('refresh');
  return { [cacheHeader]: directives.join('; ') };
}

/** Reads the header `cacheControl` writes; unknown directives are ignored. */
export function parseCacheControl({ header }: { header: string | undefined }): CacheControl {
  const control: CacheControl = {};
  if (!header) return control;
  for (const raw of header.split(';')) {
    const directive = raw.trim();
    if (directive === 'no-store') control.noStore = true;
    else if (directive === 'refresh') control.refresh = true;
    else if (directive.startsWith('ttl=')) {
      const ttl = Number(directive.slice(4));
      if (Number.isFinite(ttl) && ttl > 0) control.ttl = ttl;
    }
  }
  return control;
}

/** A TTL is a positive number of milliseconds. */
export function checkTtl({ ttl, argument }: { ttl: number; argument: string }): void {
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0) {
    throw new InvalidArgumentError(
      `${argument} must be a positive number of milliseconds (e.g. 60_000 for a minute), got ${String(ttl)}.`,
      { argument },
    );
  }
}
