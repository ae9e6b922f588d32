import { hashString } from '../text/hash.js';

/** One leading block of a prompt (system instruction, tools, or one turn) with its tokens. */
export interface PromptBlock {
  /** Stable serialisation of the block. */
  key: string;
  tokens: number;
}

/** Text is cut into blocks of this many tokens, so a prefix can end inside a long text part. */
export const textBlockTokens = 64;

/**
 * A text as prompt blocks of `textBlockTokens` tokens each (the last one shorter). Implicit
 * caching matches token prefixes, not whole turns: the gateway guide's example sends one long
 * document followed by a different question in the same text part, and the second call reports
 * the document's tokens as cached. The tokens add up to `countTextTokens(text)`.
 *
 * @example
 * ```ts
 * textBlocks({ text: 'x'.repeat(300) }).map((block) => block.tokens); // [64, 11]
 * ```
 */
export function textBlocks({ text }: { text: string }): PromptBlock[] {
  const size = textBlockTokens * 4;
  const blocks: PromptBlock[] = [];
  for (let start = 0; start < text.length; start += size) {
    const piece = text.slice(start, start + size);
    blocks.push({ key: `text:${piece}`, tokens: Math.ceil(piece.length / 4) });
  }
  return blocks;
}

/**
 * Gemini's implicit caching, reduced to its observable effect: a request whose leading blocks
 * repeat those of an earlier request on the same model, within the TTL, reports the tokens of the
 * longest repeated prefix as cached. Prefixes below the model's minimum are never cached, as
 * upstream.
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
 * const cache = createImplicitCache({ ttlMs: 3_600_000, minTokensFor: () => 1024, now: Date.now });
 * cache.lookupAndRemember({ model: 'gemini-2.5-flash', blocks }); // 0 the first time
 * ```
 */
export function createImplicitCache({
  ttlMs,
  minTokensFor,
  now,
}: {
  ttlMs: number;
  /** The smallest cached prefix a model reports (`Infinity`: no implicit caching). */
  minTokensFor: (model: string) => number;
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
      const minTokens = minTokensFor(model);
      if (minTokens === Number.POSITIVE_INFINITY) return 0;
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
