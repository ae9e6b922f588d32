import { InvalidArgumentError, lookupModel } from '@gemgate/core-transport';

/**
 * How finely Gemini looks at an image or a video frame, and so how many input tokens it costs
 * (the gateway's guide): lowering it cuts input cost and the risk of errors with large images.
 *
 * - `MEDIA_RESOLUTION_LOW`: 64 tokens.
 * - `MEDIA_RESOLUTION_MEDIUM`: 256 tokens.
 * - `MEDIA_RESOLUTION_HIGH`: zoomed reframing with 256 tokens.
 * - `MEDIA_RESOLUTION_UNSPECIFIED`: the model's default.
 *
 * Request-wide it is `config.mediaResolution` (native route, every Gemini model that reads
 * media); per part (`inlineMedia`'s `mediaResolution`) only Gemini 3 models take it.
 */
export const MediaResolution = {
  UNSPECIFIED: 'MEDIA_RESOLUTION_UNSPECIFIED',
  LOW: 'MEDIA_RESOLUTION_LOW',
  MEDIUM: 'MEDIA_RESOLUTION_MEDIUM',
  HIGH: 'MEDIA_RESOLUTION_HIGH',
} as const;

/** One of the `MediaResolution` values. */
export type MediaResolution = (typeof MediaResolution)[keyof typeof MediaResolution];

/**
 * The image tokens each resolution costs, as the gateway's guide gives them (`HIGH` is a zoomed
 * reframing at the same 256; `UNSPECIFIED` is the model's default, so it has no fixed count).
 */
export const mediaResolutionTokens: Readonly<Record<MediaResolution, number | undefined>> = {
  MEDIA_RESOLUTION_UNSPECIFIED: undefined,
  MEDIA_RESOLUTION_LOW: 64,
  MEDIA_RESOLUTION_MEDIUM: 256,
  MEDIA_RESOLUTION_HIGH: 256,
};

const values = new Set<string>(Object.values(MediaResolution));

/**
 * Reads a resolution as callers write it (`'LOW'`, `'low'`, `'MEDIA_RESOLUTION_LOW'`), or
 * refuses it naming the values.
 */
export function parseMediaResolution({
  value,
  argument = 'mediaResolution',
}: {
  value: string;
  argument?: string | undefined;
}): MediaResolution {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  const full = upper.startsWith('MEDIA_RESOLUTION_') ? upper : `MEDIA_RESOLUTION_${upper}`;
  if (!values.has(full)) {
    throw new InvalidArgumentError(
      `${argument} must be one of ${[...values].join(', ')} (or LOW, MEDIUM, HIGH), got ${JSON.stringify(value)}.`,
      { argument },
    );
  }
  return full as MediaResolution;
}

/**
 * Checks a media resolution against the model catalog: request-wide on a model that reads
 * media, per part only on Gemini 3. A model the catalog does not know passes unchecked (the
 * gateway adds models faster than we release).
 *
 * @example
 * ```ts
 * import { checkMediaResolution } from '@gemgate/media';
 * checkMediaResolution({ model: 'gemini-3-pro-preview', scope: 'part' }); // fine
 * checkMediaResolution({ model: 'gemini-2.5-flash', scope: 'part' }); // throws InvalidArgumentError
 * ```
 */
export function checkMediaResolution({
  model,
  scope,
}: {
  model: string;
  /** `request`: `config.mediaResolution`; `part`: a part's own `mediaResolution`. */
  scope: 'request' | 'part';
}): void {
  const info = lookupModel(model);
  if (info === undefined) return;
  if (!info.supports.media) {
    throw new InvalidArgumentError(
      `${model} does not read media, so it takes no media resolution: remove mediaResolution, or use a model such as gemini-2.5-flash.`,
      { argument: 'mediaResolution' },
    );
  }
  if (scope === 'part' && !info.family.startsWith('gemini-3')) {
    throw new InvalidArgumentError(
      `${model} takes a media resolution for the whole request only (config.mediaResolution); a part's own mediaResolution needs a Gemini 3 model. Move it to config.mediaResolution, or use a Gemini 3 model.`,
      { argument: 'mediaResolution' },
    );
  }
}
