/**
 * An `AbortController` that also fires when the caller's signal does, with a way to stop
 * listening to the caller's signal. A long-lived caller signal (one per server, say) passed to
 * many calls must not collect a listener per call, which `AbortSignal.any` would risk.
 *
 * @example
 * ```ts
 * const link = linkController({ callerSignal: options.signal });
 * await send({ signal: link.controller.signal });
 * link.unlink(); // once the call is over
 * ```
 */
export function linkController({ callerSignal }: { callerSignal: AbortSignal | undefined }): {
  controller: AbortController;
  unlink: () => void;
} {
  const controller = new AbortController();
  if (callerSignal === undefined) return { controller, unlink: () => {} };
  if (callerSignal.aborted) {
    controller.abort(callerSignal.reason);
    return { controller, unlink: () => {} };
  }
  const forward = () => controller.abort(callerSignal.reason);
  callerSignal.addEventListener('abort', forward, { once: true });
  return { controller, unlink: () => callerSignal.removeEventListener('abort', forward) };
}
