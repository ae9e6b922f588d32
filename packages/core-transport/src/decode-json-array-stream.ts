// PLACEHOLDER: being implemented (issue 2). Signature is final.
/** Yields each element of a streamed top-level JSON array as soon as it is complete. */
export function decodeJsonArrayStream(_chunks: AsyncIterable<Uint8Array | string>): AsyncIterable<unknown> {
  throw new Error('not implemented yet');
}
