import type { RequestBody } from '@gemgate/core-transport';
import { type ContentTurnInput, contentsCarryBinary } from './normalize-contents.js';

/**
 * The body of a generate-content-shaped request as the transport takes it: marked
 * `json-with-binary` when a part of `contents` or `systemInstruction` carries a `BinarySlot`,
 * so the transport streams the base64 with an exact `content-length`; the plain object
 * otherwise, which the transport serialises without looking inside. `sent` is what goes on the
 * wire when it wraps `body` (`countTokens` nests the request in `generateContentRequest`).
 */
export function toTransportBody({
  body,
  sent = body,
}: {
  body: Record<string, unknown>;
  sent?: Record<string, unknown> | undefined;
}): Record<string, unknown> | RequestBody {
  const contents = Array.isArray(body.contents) ? (body.contents as ContentTurnInput[]) : [];
  const system = body.systemInstruction as ContentTurnInput | undefined;
  const carriesBinary =
    contentsCarryBinary({ contents }) ||
    (system !== undefined && contentsCarryBinary({ contents: [system] }));
  return carriesBinary ? { kind: 'json-with-binary', value: sent } : sent;
}
