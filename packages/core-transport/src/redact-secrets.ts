/** Key shapes redacted even when the caller did not name them: AiHubMix `sk-…` keys and Google `AIza…` keys. */
const keyShapes = /\b(?:sk-[A-Za-z0-9_-]{8,}|AIza[A-Za-z0-9_-]{20,})/g;

/** Secrets shorter than this are not searched for: replacing `a` everywhere would destroy the text. */
const minimumSecretLength = 6;

/**
 * Replaces every occurrence of each secret (and of any `sk-…` or `AIza…` shaped key) in a
 * string with `***`, so the text is safe for an error message or a log line.
 *
 * @example
 * ```ts
 * import { redactSecrets } from '@gemgate/core-transport';
 * redactSecrets('bad key sk-abcdefgh1234', []); // 'bad key ***'
 * redactSecrets('key=my-secret-value', ['my-secret-value']); // 'key=***'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret.length >= minimumSecretLength && redacted.includes(secret)) {
      redacted = redacted.split(secret).join('***');
    }
  }
  return redacted.replace(keyShapes, '***');
}

/** Redacts every string inside a JSON-like value, returning a copy (the value itself is not changed). */
export function redactValue(value: unknown, secrets: readonly string[] = []): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = redactValue(item, secrets);
    return copy;
  }
  return value;
}

/**
 * `JSON.parse` quotes a few characters of the text it failed on (`Unexpected token 's',
 * "{"a":sk-LEAKY-0"... is not valid JSON`): a piece of a key echoed by the upstream, too
 * short for `redactSecrets` to recognise. Errors kept as a `cause` lose the quote and keep
 * the rest (the token and the position).
 */
export function redactJsonSyntaxError(error: unknown): unknown {
  if (!(error instanceof SyntaxError)) return error;
  const message = error.message.replace(
    /, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s,
    ' (text not quoted)',
  );
  return message === error.message ? error : new SyntaxError(message);
}
