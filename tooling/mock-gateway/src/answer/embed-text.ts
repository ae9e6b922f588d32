import { createRandom, hashString } from '../text/hash.js';

/**
 * A deterministic unit vector for a text: the same text always embeds to the same vector, and
 * different texts to different ones.
 */
export function embedText({ text, dimensions = 768 }: { text: string; dimensions?: number }): number[] {
  const random = createRandom({ seed: hashString({ text }) });
  const values = Array.from({ length: dimensions }, () => random() * 2 - 1);
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return values.map((value) => Math.round((value / norm) * 1e6) / 1e6);
}
