/**
 * The names of the calls both clients make, one vocabulary for both routes, so that a cache,
 * a ledger or any middleware tells calls apart the same way whichever client sent them.
 * Calls that exist on both routes (`models.list`, `models.get`) carry the same name on both.
 *
 * - native route: `generateContent`, `streamGenerateContent`, `countTokens`, `embedContent`,
 *   `caches.create`, `caches.get`, `caches.list`, `caches.update`, `caches.delete`
 * - OpenAI-compatible route: `chat.completions` (streamed or not), `embeddings`
 * - both routes: `models.list`, `models.get`
 */
export type Operation =
  | 'generateContent'
  | 'streamGenerateContent'
  | 'countTokens'
  | 'embedContent'
  | 'models.list'
  | 'models.get'
  | 'caches.create'
  | 'caches.get'
  | 'caches.list'
  | 'caches.update'
  | 'caches.delete'
  | 'chat.completions'
  | 'embeddings';

/**
 * What a call is, as middleware sees it in `request.context`: which route and operation, for
 * which model, and whether the answer is streamed. Both clients set it on every call.
 *
 * @example
 * ```ts
 * import type { Middleware } from '@gemgate/core-transport';
 * const ledger: Middleware = async (request, next) => {
 *   const { route, operation, model, stream } = request.context ?? {};
 *   console.log(route, operation, model, stream);
 *   return next(request);
 * };
 * ```
 */
export interface CallContext {
  /** `native` for `@gemgate/native-gemini`, `openai` for `@gemgate/openai-compat`. */
  route: 'native' | 'openai';
  operation: Operation;
  /** The model asked for, as the caller wrote it; `undefined` for calls about no model (`models.list`). */
  model: string | undefined;
  /** Whether the answer is a stream of events. */
  stream: boolean;
}
