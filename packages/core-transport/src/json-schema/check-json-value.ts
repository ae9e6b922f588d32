import { InvalidArgumentError } from '../errors.js';

/**
 * Checks that a value survives `JSON.stringify` unchanged: no BigInt (a `TypeError` when the
 * body is written), no cycle (a `TypeError`, or a stack overflow in any recursive walk), no
 * NaN or Infinity (silently sent as `null`), no function or symbol (silently dropped). The error
 * names the path of the first offending value, so the fix is made where it belongs.
 */
export function checkJsonValue({ value, path }: { value: unknown; path: string }): void {
  visit({ value, path, ancestors: new Set<object>() });
}

function visit({ value, path, ancestors }: { value: unknown; path: string; ancestors: Set<object> }): void {
  switch (typeof value) {
    case 'bigint':
      throw new InvalidArgumentError(
        `${path} is a BigInt (${value}n), which JSON cannot carry: use a number (or a string for values beyond 2^53).`,
        { argument: path },
      );
    case 'number':
      if (!Number.isFinite(value)) {
        throw new InvalidArgumentError(`${path} is ${value}, which JSON cannot carry: use a finite number.`, {
          argument: path,
        });
      }
      return;
    case 'function':
    case 'symbol':
      throw new InvalidArgumentError(`${path} is a ${typeof value}, which JSON cannot carry: remove it.`, {
        argument: path,
      });
    case 'object': {
      if (value === null) return;
      if (ancestors.has(value)) {
        throw new InvalidArgumentError(
          `${path} refers back to one of its own parents (a circular object), which JSON cannot carry: use $ref/$defs for a recursive schema.`,
          { argument: path },
        );
      }
      ancestors.add(value);
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          visit({ value: item, path: `${path}.${index}`, ancestors });
        });
      } else {
        for (const [key, child] of Object.entries(value)) {
          if (child !== undefined) visit({ value: child, path: `${path}.${key}`, ancestors });
        }
      }
      ancestors.delete(value);
      return;
    }
    default:
      return;
  }
}
