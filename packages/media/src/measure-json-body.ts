import { isBinarySlot, type RequestBody } from '@gemgate/core-transport';
import { base64Length } from './request-limit.js';

/** A string JSON writes as `"` + itself + `"`: no quote, backslash, control character or lone surrogate. */
const needsEscape = /["\\\u0000-\u001f\ud800-\udfff]/;

function stringLength({ text }: { text: string }): number {
  // A 30 MB base64 string is measured without being copied into its JSON form.
  if (!needsEscape.test(text)) return Buffer.byteLength(text, 'utf8') + 2;
  return Buffer.byteLength(JSON.stringify(text), 'utf8');
}

interface ToJson {
  toJSON(key: string): unknown;
}

/** The UTF-8 length of `value`'s JSON; `undefined` where JSON has no form for it (dropped). */
function jsonLength({ value, key }: { value: unknown; key: string }): number | undefined {
  if (isBinarySlot(value)) {
    // The prefix's JSON without its closing quote, the base64, then the closing quote.
    return stringLength({ text: value.prefix }) - 1 + base64Length({ byteLength: value.byteLength }) + 1;
  }
  let current = value;
  if (typeof current === 'object' && current !== null && typeof (current as ToJson).toJSON === 'function') {
    current = (current as ToJson).toJSON(key);
    if (isBinarySlot(current)) return jsonLength({ value: current, key });
  }
  if (typeof current === 'string') return stringLength({ text: current });
  if (typeof current !== 'object' || current === null) {
    const json = JSON.stringify(current);
    return json === undefined ? undefined : json.length;
  }
  if (Array.isArray(current)) {
    let length = 2 + Math.max(0, current.length - 1);
    current.forEach((item, index) => {
      length += jsonLength({ value: item, key: String(index) }) ?? 4;
    });
    return length;
  }
  if (current instanceof Number || current instanceof String || current instanceof Boolean) {
    return Buffer.byteLength(JSON.stringify(current), 'utf8');
  }
  let length = 2;
  let members = 0;
  for (const name of Object.keys(current)) {
    const member = jsonLength({ value: (current as Record<string, unknown>)[name], key: name });
    if (member === undefined) continue;
    length += stringLength({ text: name }) + 1 + member;
    members++;
  }
  return length + Math.max(0, members - 1);
}

/**
 * The size in bytes of a request body as it goes on the wire: a JSON value, or a transport
 * `RequestBody` (`json`, `json-with-binary` with each `BinarySlot` counted as its base64, or
 * `bytes`). Nothing is serialised and no source is read, so a large body costs one walk.
 *
 * @example
 * ```ts
 * import { measureRequestBody } from '@gemgate/media';
 * measureRequestBody({ body: { contents: [{ parts: [{ text: 'Hi' }] }] } }); // 40
 * ```
 */
export function measureRequestBody({ body }: { body: unknown }): number {
  const wrapped = body as RequestBody | undefined;
  if (typeof wrapped === 'object' && wrapped !== null && 'kind' in wrapped) {
    if (wrapped.kind === 'bytes') return wrapped.length;
    if (wrapped.kind === 'json' || wrapped.kind === 'json-with-binary') {
      return jsonLength({ value: wrapped.value, key: '' }) ?? 0;
    }
  }
  return body === undefined ? 0 : (jsonLength({ value: body, key: '' }) ?? 0);
}
