import { InvalidArgumentError } from 'commander';

/**
 * A commander option parser for a number within bounds; a bad value is a usage error naming the
 * flag and what it takes.
 */
export function parseNumberOption({
  name,
  min = Number.NEGATIVE_INFINITY,
  max = Number.POSITIVE_INFINITY,
  integer = true,
}: {
  name: string;
  min?: number;
  max?: number;
  integer?: boolean;
}): (value: string) => number {
  return (value) => {
    const number = Number(value);
    const bounds = `${Number.isFinite(min) ? ` from ${min}` : ''}${Number.isFinite(max) ? ` to ${max}` : ''}`;
    if (
      value.trim() === '' ||
      !Number.isFinite(number) ||
      (integer && !Number.isInteger(number)) ||
      number < min ||
      number > max
    ) {
      throw new InvalidArgumentError(
        `${name} takes ${integer ? 'a whole number' : 'a number'}${bounds}, not "${value}".`,
      );
    }
    return number;
  };
}
