/**
 * JSON with every object's keys sorted, so two requests that differ only in the order their
 * fields were written give the same text (LiteLLM's key depends on argument order; ours does
 * not). `undefined` members are left out, as `JSON.stringify` does.
 *
 * @example
 * ```ts
 * import { canonicalJson } from '@gemgate/usage-cache';
 * canonicalJson({ value: { b: 1, a: [{ d: 2, c: 3 }] } }); // '{"a":[{"c":3,"d":2}],"b":1}'
 * ```
 */
export function canonicalJson({ value }: { value: unknown }): string {
  return write(value) ?? 'null';
}

/**
 * `canonicalJson` of `value` with the named top-level members left out (when `value` is a plain
 * object): what `cacheKeyOf` hashes, without copying the body to drop its transport fields.
 * `undefined` when `value` has no JSON form.
 */
export function canonicalJsonWithout(value: unknown, omitted: ReadonlySet<string>): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return write(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return write(value);
  return writeObject(value as Record<string, unknown>, omitted);
}

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      // Functions, symbols and undefined vanish from objects and become null in arrays, as in
      // JSON; a BigInt throws, as in JSON.
      return JSON.stringify(value);
  }
  if (value === null) return 'null';
  // String building rather than map/join: this runs on every cached call (see tooling/bench).
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      text += write(value[index]) ?? 'null';
    }
    return `${text}]`;
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return write(toJSON.call(value));
  return writeObject(value as Record<string, unknown>, undefined);
}

function writeObject(value: Record<string, unknown>, omitted: ReadonlySet<string> | undefined): string {
  const names = Object.keys(value).sort();
  let text = '{';
  for (const name of names) {
    if (omitted?.has(name)) continue;
    const member = write(value[name]);
    if (member === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${quoted(name)}:${member}`;
  }
  return `${text}}`;
}

/**
 * `JSON.stringify(text)`. A short string with nothing to escape (roles, enum values, model ids,
 * most names) is quoted here: a scan in JavaScript costs less than a call into the JSON
 * serializer, which a request's key otherwise makes for every string in it.
 */
export function quoted(text: string): string {
  if (text.length > 96) return JSON.stringify(text);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Control characters, quotes and backslashes are escaped, and lone surrogates too (JSON.stringify is
    // well-formed): any surrogate goes to the serializer.
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return JSON.stringify(text);
    }
  }
  return `"${text}"`;
}
