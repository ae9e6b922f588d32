/**
 * Ids Google retired and now serves under another model. The gateway still answers them, so
 * gemgate sends them as given and reports the model that really answers: rewriting the id
 * silently would hide a change of model (and of price) from the caller.
 */
export interface RetiredModel {
  /** The retired id, without `models/`. */
  id: string;
  /** The id Google serves in its place. */
  servedAs: string;
  /** The page that says so. */
  source: string;
}

/** The retired ids gemgate knows of. */
export const retiredModels: readonly RetiredModel[] = [
  {
    // "Requests to gemini-3.5-flash are automatically forwarded to Gemini 3.6 Flash."
    id: 'gemini-3.5-flash',
    servedAs: 'gemini-3.6-flash',
    source: 'https://ai.google.dev/gemini-api/docs/whats-new-gemini-3.5',
  },
];

/**
 * The retired id an id names, if any (`models/` prefix and gateway suffixes allowed).
 *
 * @example
 * ```ts
 * import { retiredModelOf } from '@gemgate/core-transport';
 * retiredModelOf({ model: 'gemini-3.5-flash' })?.servedAs; // 'gemini-3.6-flash'
 * ```
 */
export function retiredModelOf({ model }: { model: string }): RetiredModel | undefined {
  const id = (model.startsWith('models/') ? model.slice('models/'.length) : model).replace(
    /-(nothink|search)$/,
    '',
  );
  return retiredModels.find((retired) => retired.id === id);
}
