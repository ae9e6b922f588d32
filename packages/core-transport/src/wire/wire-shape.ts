import type { z } from 'zod';

/**
 * A wire shape: a lenient zod schema built on first use, plus an optional cheap check of the
 * shape's common form. Building on first use keeps importing a client from constructing every
 * schema of both routes; the cheap check keeps zod off the hot path of a stream, where almost
 * every chunk is the same few fields.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const nameShape = defineWireShape({ build: () => z.looseObject({ name: z.string() }) });
 * nameShape.schema.safeParse({ name: 'x' }).success; // true
 * ```
 */
export interface WireShape<TSchema extends z.ZodType> {
  /** The zod schema, built the first time it is read. */
  readonly schema: TSchema;
  /**
   * `true` only when the value certainly passes `schema` (a quick structural test of the common
   * form); `false` means "ask the schema", never "invalid".
   */
  readonly isCommonShape: ((value: unknown) => boolean) | undefined;
}

/**
 * The parsed type of a wire shape (zod's output): what an answer holds once checked.
 *
 * @example
 * ```ts
 * import { type WireOutput, modelShape } from '@gemgate/core-transport/wire';
 * type Model = WireOutput<typeof modelShape>; // { name: string; inputTokenLimit?: number; ... }
 * ```
 */
export type WireOutput<TShape> = TShape extends WireShape<infer TSchema> ? z.output<TSchema> : never;

/**
 * The type a wire shape accepts (zod's input): what a request may be built from.
 *
 * @example
 * ```ts
 * import { type WireInput, chatMessageShape } from '@gemgate/core-transport/wire';
 * const message: WireInput<typeof chatMessageShape> = { role: 'user', content: 'Hi' };
 * ```
 */
export type WireInput<TShape> = TShape extends WireShape<infer TSchema> ? z.input<TSchema> : never;

/**
 * Declares a wire shape whose schema is built lazily. `isCommonShape` must never accept what
 * `build()` would refuse (tests check this with random bodies).
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const modelShape = defineWireShape({ build: () => z.looseObject({ name: z.string() }) });
 * type Model = WireOutput<typeof modelShape>;
 * ```
 */
export function defineWireShape<TSchema extends z.ZodType>({
  build,
  isCommonShape,
}: {
  build: () => TSchema;
  isCommonShape?: ((value: unknown) => boolean) | undefined;
}): WireShape<TSchema> {
  let schema: TSchema | undefined;
  return {
    get schema() {
      schema ??= build();
      return schema;
    },
    isCommonShape,
  };
}
