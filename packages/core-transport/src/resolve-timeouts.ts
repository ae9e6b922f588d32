import { InvalidArgumentError } from './errors.js';
import { redactSecrets } from './redact-secrets.js';
import type { TimeoutOptions } from './transport-types.js';

/** The three layers, each a positive number of milliseconds or `Infinity` (no limit). */
export interface Timeouts {
  total: number;
  firstByte: number;
  chunkGap: number;
}

/** What the caller set, checked; a layer left out takes its default for the kind of call. */
export type TimeoutSettings = Readonly<TimeoutOptions>;

/** The defaults: a thinking model may think for minutes before a non-streamed answer's first byte. */
export const defaultTimeouts = {
  total: 600_000,
  /** Streams only: a non-streamed call waits for its first byte as long as its total allows. */
  streamFirstByte: 60_000,
  /** Streams only: a non-streamed body may arrive after a long silence behind early headers. */
  streamChunkGap: 60_000,
} as const;

const layers = ['total', 'firstByte', 'chunkGap'] as const;

/**
 * Checks what the caller passed as `timeout` (on the transport or on one call): a number is
 * the total and the first-byte limit, an object sets layers. Anything else (`'300'`, `'5s'`, NaN, a negative number,
 * an unknown key) is an `InvalidArgumentError` saying what to pass, instead of a value that
 * would be silently ignored.
 */
export function checkTimeoutSettings({
  timeout,
  argument,
}: {
  timeout: unknown;
  argument: string;
}): TimeoutSettings | undefined {
  if (timeout === undefined) return undefined;
  if (typeof timeout === 'number') {
    // "Wait this long for the answer", as `@google/genai` and `openai` read it: the first byte
    // too may take that long, where a stream's own default would give up after 60 s.
    const total = checkLayer({ argument, value: timeout });
    return { total, firstByte: total };
  }
  if (typeof timeout !== 'object' || timeout === null || Array.isArray(timeout)) {
    throw new InvalidArgumentError(
      `${argument} must be milliseconds as a number (300_000 for 5 minutes) or { total, firstByte, chunkGap }, got ${describe(timeout)}.`,
      { argument },
    );
  }
  const settings: { -readonly [layer in keyof TimeoutOptions]: number } = {};
  for (const name of Object.keys(timeout)) {
    if (!(layers as readonly string[]).includes(name)) {
      throw new InvalidArgumentError(
        `${argument} has no "${name}": pass milliseconds as a number, or an object with total, firstByte and chunkGap.`,
        { argument: `${argument}.${name}` },
      );
    }
  }
  for (const layer of layers) {
    const value = (timeout as Record<string, unknown>)[layer];
    if (value !== undefined) settings[layer] = checkLayer({ argument: `${argument}.${layer}`, value });
  }
  return settings;
}

/**
 * The timeouts of one call. `total` defaults to 10 minutes; a stream's first byte and chunk
 * gap to 60 s each; a non-streamed call's to its total. A layer at least as long as the total
 * is off, since the total fires first: so `timeout: 120_000` lets a stream's first byte take
 * up to two minutes, and the error then names the total.
 *
 * @example
 * ```ts
 * resolveTimeouts({ settings: [{ total: 5_000 }], stream: false });
 * // { total: 5000, firstByte: Infinity, chunkGap: Infinity }
 * ```
 */
export function resolveTimeouts({
  settings,
  stream,
}: {
  /** From the outermost (the transport) to the innermost (the call); later layers win. */
  settings: readonly (TimeoutSettings | undefined)[];
  stream: boolean;
}): Timeouts {
  let total: number | undefined;
  let firstByte: number | undefined;
  let chunkGap: number | undefined;
  for (const setting of settings) {
    if (setting === undefined) continue;
    total = setting.total ?? total;
    firstByte = setting.firstByte ?? firstByte;
    chunkGap = setting.chunkGap ?? chunkGap;
  }
  total ??= defaultTimeouts.total;
  firstByte ??= stream ? defaultTimeouts.streamFirstByte : Number.POSITIVE_INFINITY;
  chunkGap ??= stream ? defaultTimeouts.streamChunkGap : Number.POSITIVE_INFINITY;
  return {
    total,
    firstByte: firstByte >= total ? Number.POSITIVE_INFINITY : firstByte,
    chunkGap: chunkGap >= total ? Number.POSITIVE_INFINITY : chunkGap,
  };
}

/** A layer is a positive number of milliseconds; `Infinity` means no limit. */
function checkLayer({ argument, value }: { argument: string; value: unknown }): number {
  // NaN or 0 would fire at once on every call; a negative value is a typo; a string is a unit
  // the transport would have to guess.
  if (typeof value !== 'number' || !(value > 0)) {
    throw new InvalidArgumentError(
      `${argument} must be a positive number of milliseconds (Infinity for no limit), got ${describe(value)}: pass milliseconds as a number, or { total, firstByte, chunkGap }.`,
      { argument },
    );
  }
  return value;
}

function describe(value: unknown): string {
  // A key pasted into the wrong option is still scrubbed when it is quoted back.
  return typeof value === 'string' ? `the string "${redactSecrets(value.slice(0, 40))}"` : String(value);
}
