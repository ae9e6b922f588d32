import { InvalidArgumentError } from './errors.js';

/**
 * Gives back the options once checked. Refuses an options object that is not an object, or
 * that holds a name its owner does not read, naming the right one when the slip is known (`baseUrl` for `baseURL`). Ignoring an
 * unknown option is silent misbehaviour, and a dangerous one: with the wrong spelling of the
 * base URL, calls meant for a local gateway go to aihubmix.com with the key.
 *
 * @example
 * ```ts
 * checkOptionNames({
 *   options: { timeOut: 5000 },
 *   names: ['timeout'],
 *   fixes: { timeOut: 'timeout' },
 *   owner: 'createGemini',
 * }); // throws InvalidArgumentError: createGemini has no option "timeOut": did you mean timeout?
 * ```
 */
export function checkOptionNames({
  options,
  names,
  fixes,
  owner,
  path = '',
}: {
  options: unknown;
  names: readonly string[];
  fixes: Readonly<Record<string, string>>;
  /** Who reads the options, as the caller wrote it: `createGemini`, `new GoogleGenAI`. */
  owner: string;
  /** Where the options sit, with a trailing dot: `httpOptions.`; empty at the top level. */
  path?: string | undefined;
}): Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const argument = path === '' ? 'options' : path.slice(0, -1);
    throw new InvalidArgumentError(
      `${owner}: ${argument} must be an object, got ${options === null ? 'null' : typeof options}.`,
      {
        argument,
      },
    );
  }
  const unknownName = Object.keys(options).find((name) => !names.includes(name));
  if (unknownName === undefined) return options as Record<string, unknown>;
  const fix = fixes[unknownName];
  const advice =
    fix === undefined ? `remove it (the options are ${names.join(', ')})` : `did you mean ${fix}?`;
  throw new InvalidArgumentError(
    `${owner} has no option "${path}${unknownName}": ${advice}${fix === undefined ? '.' : ''}`,
    { argument: `${path}${unknownName}` },
  );
}
