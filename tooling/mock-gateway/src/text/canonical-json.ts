import { createHash } from 'node:crypto';

/** Strings from this many UTF-16 code units on (inline media) are replaced by a digest in keys. */
const digestFrom = 1 << 16;

/**
 * JSON with object keys in sorted order, so two bodies that mean the same thing give the same
 * seed whatever order a client wrote their keys in (zod, for one, rewrites them in schema order).
 * Long strings stand as their digest, so a 20 MB inline image gives a short key that is cheap to
 * hash again and again, instead of a 27M-character copy.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: 2 }); // '{"a":2,"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'string') return digestLongString(item);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}

/**
 * `JSON.stringify` with long strings replaced by their digest: a key that tells two values apart
 * without copying their media (implicit-cache prefix blocks).
 *
 * @example
 * ```ts
 * keyJson({ role: 'user', parts: [{ text: 'hi' }] }); // '{"role":"user","parts":[{"text":"hi"}]}'
 * ```
 */
export function keyJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'string' ? digestLongString(item) : item,
  );
}

function digestLongString(text: string): string {
  if (text.length < digestFrom) return text;
  return `sha1:${createHash('sha1').update(text, 'utf16le').digest('base64')}:${text.length}`;
}
