// PLACEHOLDER: being implemented (issue 2). Signature is final.
/** One server-sent event. */
export interface SseEvent {
  event: string | undefined;
  data: string;
  id: string | undefined;
  retry: number | undefined;
}

/** Decodes server-sent events from byte or string chunks split anywhere (WHATWG spec). */
export function decodeSse(_chunks: AsyncIterable<Uint8Array | string>): AsyncIterable<SseEvent> {
  throw new Error('not implemented yet');
}
