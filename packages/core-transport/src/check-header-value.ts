import { InvalidArgumentError } from './errors.js';

/** An HTTP header name: an RFC 9110 token. */
const tokenPattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The first character HTTP cannot carry in a header value, as its index: controls (a newline
 * or tab pasted with a key, C1 controls) and anything beyond Latin-1 (a zero-width space, a
 * smart quote copied from a web page). -1 when every character is fine.
 */
function badCharacterIndex(value: string): number {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code > 0xff) return index;
  }
  return -1;
}

/**
 * Refuses a header undici would refuse on the wire (where it surfaced as a retried connection
 * error), before anything is sent. The message names the header and the offending character
 * by its code point, never the value: the value may be the API key.
 */
export function checkHeaderValue({
  name,
  value,
  argument,
  what = `the value of header "${name}"`,
}: {
  name: string;
  value: unknown;
  /** The option at fault (`apiKey`, `headers.x-trace`). */
  argument: string;
  /** How the message calls the value (`the API key`). */
  what?: string;
}): void {
  if (!tokenPattern.test(name)) {
    throw new InvalidArgumentError(
      `Header name ${JSON.stringify(name.slice(0, 60))} is not a valid HTTP header name: use letters, digits and - only.`,
      { argument },
    );
  }
  if (typeof value !== 'string') {
    throw new InvalidArgumentError(`${capitalize(what)} must be a string, got ${typeof value}.`, {
      argument,
    });
  }
  const index = badCharacterIndex(value);
  if (index === -1) return;
  const code = value.codePointAt(index)!;
  const character = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  throw new InvalidArgumentError(
    `${capitalize(what)} contains ${character}${nameOf(code)} at position ${index + 1} of ${value.length}, which HTTP headers cannot carry: remove it (it is usually pasted along with the value; retype or re-copy it).`,
    { argument },
  );
}

function nameOf(code: number): string {
  switch (code) {
    case 0x0a:
      return ' (a line feed)';
    case 0x0d:
      return ' (a carriage return)';
    case 0x09:
      return ' (a tab)';
    case 0x200b:
      return ' (a zero-width space)';
    case 0xfeff:
      return ' (a byte-order mark)';
    case 0x2018:
    case 0x2019:
    case 0x201c:
    case 0x201d:
      return ' (a smart quote)';
    default:
      return '';
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
