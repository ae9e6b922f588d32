import { InvalidArgumentError } from '@gemgate/core-transport';

/**
 * Refuses a call made without its parameter object (`generateContent()`), which would
 * otherwise fail as a `TypeError` while its fields are read, naming nothing the caller wrote.
 *
 * @example
 * ```ts
 * checkCallParameters({ parameters: undefined, method: 'generateContent', shape: '{ model, contents }' });
 * // throws InvalidArgumentError: generateContent takes one object, { model, contents }; got nothing.
 * ```
 */
export function checkCallParameters({
  parameters,
  method,
  shape,
}: {
  parameters: unknown;
  method: string;
  shape: string;
}): void {
  if (typeof parameters === 'object' && parameters !== null && !Array.isArray(parameters)) return;
  const got = parameters === undefined ? 'nothing' : parameters === null ? 'null' : `a ${typeof parameters}`;
  throw new InvalidArgumentError(`${method} takes one object, ${shape}; got ${got}.`, {
    argument: 'parameters',
  });
}
