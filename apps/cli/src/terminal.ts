import { createColors } from 'picocolors';

/** Whether a stream gets colours: a terminal, `NO_COLOR` unset (any value disables), not `TERM=dumb`. */
export function colorsEnabled({
  stream,
  env = process.env,
}: {
  stream: { isTTY?: boolean | undefined };
  env?: Record<string, string | undefined>;
}): boolean {
  return stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

/** picocolors bound to whether `stream` gets colours. */
export function colorsFor({ stream }: { stream: { isTTY?: boolean | undefined } }) {
  return createColors(colorsEnabled({ stream }));
}
