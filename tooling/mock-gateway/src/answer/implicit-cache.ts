import { hashString } from '../text/hash.js';

/** One leading block of a prompt (system instruction, tools, or one turn) with its tokens. */
export interface PromptBlock {
  /** Stable serialisation of the block. */
  key: string;
  tokens: number;
}

/**
 * Gemini's implicit caching, reduced to its observable effect: a request whose leading blocks
 * repeat those of an earlier request on the same model, within the TTL, reports the tokens of the
 * longest repeated prefix as cached. Prefixes below `minTokens` are never cached, as upstream.
 */
export interface ImplicitCache {
  /** Records this request's prefixes and answers how many of its tokens were cached. */
  lookupAndRemember({ model, blocks }: { model: string; blocks: PromptBlock[] }): number;
  /** How many prefixes are remembered (expired ones linger until the next sweep). */
  readonly size: number;
  clear(): void;
}

/**
 * Creates an implicit cache.
 *
 * @example
 * ```ts
 * const cache = createImplicitCache({ ttlMs: 3_600_000, minTokens: 1024, now: Date.now });
 * cache.lookupAndRemember({ model: 'gemini-2.5-flash', blocks }); // 0 the first time
 * ```
 */
export function createImplicitCache({
  ttlMs,
  minTokens,
  now,
}: {
  ttlMs: number;
  minTokens: number;
  now: () => number;
}): ImplicitCache {
  const expiries = new Map<string, number>();
  // A long-running mock (the demo, `gemgate-mock`) sees endless distinct prefixes: sweep the
  // expired ones whenever the map has doubled since the last sweep, so memory stays bounded by
  // what is live, at an amortised constant cost per request.
  let sweepAt = 1024;
  return {
    lookupAndRemember({ model, blocks }) {
      const time = now();
      if (expiries.size >= sweepAt) {
        for (const [key, expiry] of expiries) if (expiry <= time) expiries.delete(key);
        sweepAt = Math.max(1024, expiries.size * 2);
      }
      let hash = hashString({ text: model });
      let cumulative = 0;
      let cached = 0;
      for (const block of blocks) {
        // Chain the hash so each key stands for the whole prefix up to this block.
        hash = hashString({ text: block.key, seed: hash });
        cumulative += block.tokens;
        if (cumulative < minTokens) continue;
        const key = `${hash}:${cumulative}`;
        const expiry = expiries.get(key);
        if (expiry !== undefined && expiry > time) cached = cumulative;
        expiries.set(key, time + ttlMs);
      }
      return cached;
    },
    get size() {
      return expiries.size;
    },
    clear() {
      expiries.clear();
      sweepAt = 1024;
    },
  };
}
