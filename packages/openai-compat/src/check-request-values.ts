import { isBinarySlot } from '@gemgate/core-transport';
import { checkJsonValue, isZodSchema } from '@gemgate/core-transport/json-schema';

/**
 * Checks every field of a call's parameters for a value JSON cannot carry (a BigInt, a
 * circular object, NaN, a function), before anything else looks at them: a loose field
 * (`metadata`, `extra_body`, a text part's extra key) is sent as it is, and would otherwise
 * fail as a `TypeError` when the body is written, or as a stack overflow in a check that walks
 * it. The `InvalidArgumentError` names the field (`messages.2.content.0.extra`). zod schemas
 * (converted before sending) and `BinarySlot`s (streamed as base64) are left out.
 *
 * @example
 * ```ts
 * checkRequestValues({ params: { model: 'gemini-2.5-flash', messages: [], seed: 3n } });
 * // throws InvalidArgumentError (argument 'seed')
 * ```
 */
export function checkRequestValues({ params }: { params: unknown }): void {
  checkJsonValue({ value: params, path: '', skip: isWrittenOtherwise });
}

function isWrittenOtherwise(value: object): boolean {
  return isZodSchema(value) || isBinarySlot(value);
}
