import { createHash } from 'node:crypto';

/**
 * Deterministic hashing and pseudo-random numbers. The mock must give the same answer to the
 * same request on every run and every machine, so nothing here reads the clock or
 * `Math.random`.
 */

/** Above this many UTF-16 code units a string is hashed natively (a 20 MB inline image is ~27M). */
const nativeHashFrom = 1 << 16;

/**
 * FNV-1a over a string: fast, allocation-free, good enough to seed a generator. A long string
 * (inline media) is hashed with native SHA-1 instead, folded to 32 bits: a JavaScript loop over
 * tens of millions of characters costs the mock hundreds of milliseconds per request, and a
 * request is hashed several times (seed, ids, implicit-cache prefixes).
 */
export function hashString({ text, seed = 0x811c9dc5 }: { text: string; seed?: number }): number {
  if (text.length >= nativeHashFrom) {
    const hash = createHash('sha1');
    hash.update(String(seed >>> 0));
    return hash.update(text, 'utf16le').digest().readUInt32LE(0);
  }
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
