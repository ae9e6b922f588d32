/**
 * JSON with object keys in sorted order, so two bodies that mean the same thing give the same
 * seed whatever order a client wrote their keys in (zod, for one, rewrites them in schema order).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}
