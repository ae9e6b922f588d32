import { InvalidArgumentError } from '../errors.js';

/**
 * Checks that a value survives `JSON.stringify` unchanged: no BigInt (a `TypeError` when the
 * body is written), no cycle (a `TypeError`, or a stack overflow in any recursive walk), no
 * NaN or Infinity (silently sent as `null`), no function or symbol (silently dropped). The error
 * names the path of the first offending value, so the fix is made where it belongs.
 *
 * `path` is the name of `value` itself; `''` names the fields from the top (`messages.0.content`).
 * `skip` leaves out objects that are written some other way (a zod schema converted before
 * sending, a `BinarySlot` streamed as base64).
 *
 * @example
 * ```ts
 * checkJsonValue({ value: { seed: 3n }, path: '' }); // throws InvalidArgumentError (argument 'seed')
 * ```
 */
export function checkJsonValue({
  value,
  path,
  skip,
}: {
  value: unknown;
  path: string;
  skip?: ((value: object) => boolean) | undefined;
}): void {
  visit({ value, path, ancestors: new Set<object>(), skip });
}

function visit({
  value,
  path,
  ancestors,
  skip,
}: {
  value: unknown;
  path: string;
  ancestors: Set<object>;
  skip: ((value: object) => boolean) | undefined;
}): void {
  // An offending value at the top has no field name of its own.
  const named = path === '' ? 'The value' : path;
  switch (typeof value) {
    case 'bigint':
      throw new InvalidArgumentError(
        `${named} is a BigInt (${value}n), which JSON cannot carry: use a number (or a string for values beyond 2^53).`,
        { argument: path },
      );
    case 'number':
      if (!Number.isFinite(value)) {
        throw new InvalidArgumentError(
          `${named} is ${value}, which JSON cannot carry: use a finite number.`,
          {
            argument: path,
          },
        );
      }
      return;
    case 'function':
    case 'symbol':
      throw new InvalidArgumentError(`${named} is a ${typeof value}, which JSON cannot carry: remove it.`, {
        argument: path,
      });
    case 'object': {
      if (value === null || skip?.(value)) return;
      if (ancestors.has(value)) {
        throw new InvalidArgumentError(
          `${named} refers back to one of its own parents (a circular object), which JSON cannot carry: break the cycle (in a schema, use $ref/$defs for recursion).`,
          { argument: path },
        );
      }
      // An object with its own `toJSON` (a Date, a Buffer) is written as what that returns.
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return;
      ancestors.add(value);
      const prefix = path === '' ? '' : `${path}.`;
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          visit({ value: item, path: `${prefix}${index}`, ancestors, skip });
        });
      } else {
        for (const [key, child] of Object.entries(value)) {
          if (child !== undefined) visit({ value: child, path: `${prefix}${key}`, ancestors, skip });
        }
      }
      ancestors.delete(value);
      return;
    }
    default:
      return;
  }
}
