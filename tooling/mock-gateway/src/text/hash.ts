/**
 * Deterministic hashing and pseudo-random numbers. The mock must give the same answer to the
 * same request on every run and every machine, so nothing here reads the clock or
 * `Math.random`.
 */

/** FNV-1a over a string: fast, allocation-free, good enough to seed a generator. */
export function hashString({ text, seed = 0x811c9dc5 }: { text: string; seed?: number }): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A seeded generator (mulberry32) returning floats in [0, 1). */
export type Random = () => number;

/** Creates a seeded generator; the same seed yields the same sequence. */
export function createRandom({ seed }: { seed: number }): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer in [min, max], both included. */
export function randomInt({ random, min, max }: { random: Random; min: number; max: number }): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A short, stable, opaque id derived from a hash (used for response ids and signatures). */
export function stableId({ text, length = 24 }: { text: string; length?: number }): string {
  let out = '';
  let seed = hashString({ text });
  while (out.length < length) {
    out += seed.toString(36);
    seed = hashString({ text: out, seed });
  }
  return out.slice(0, length);
}
