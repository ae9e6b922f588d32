// PLACEHOLDER: being implemented (issue 2). Signature is final.
/** Replaces every occurrence of each secret (and `sk-…`-shaped keys) in a string with `***`. */
export function redactSecrets(text: string, _secrets: readonly string[] = []): string {
  return text;
}
