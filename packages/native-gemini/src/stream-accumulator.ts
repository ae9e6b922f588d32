import type { Candidate, Content, GenerateContentResponseBody, Part } from './wire-types.js';

/** Whether a part is plain text (maybe a thought) with nothing else that would be lost by merging. */
function isPlainText(part: Part): boolean {
  for (const key in part) if (key !== 'text' && key !== 'thought') return false;
  return part.text !== undefined;
}

function appendPart(parts: Part[], part: Part): void {
  const previous = parts.at(-1);
  // Consecutive text of the same kind is one part split by the stream; anything carrying a
  // thoughtSignature (even an empty text part) stays its own part, where it arrived, because
  // Gemini 3 wants signatures back exactly in place.
  if (
    previous &&
    isPlainText(previous) &&
    isPlainText(part) &&
    (previous.thought === true) === (part.thought === true)
  ) {
    parts[parts.length - 1] = { ...previous, text: previous.text! + part.text! };
    return;
  }
  parts.push({ ...part });
}

/**
 * Folds the chunks of `:streamGenerateContent` into one response, the way the upstream's
 * non-streamed answer would read: parts concatenated in order, the last usage snapshot (usage
 * is cumulative on every chunk), the last finish reason seen (a `STOP` may come before the
 * code-execution chunks, so it never ends the fold).
 *
 * @example
 * ```ts
 * import { StreamAccumulator } from '@gemgate/native-gemini';
 * const accumulator = new StreamAccumulator();
 * accumulator.add({ candidates: [{ content: { role: 'model', parts: [{ text: 'Hel' }] } }] });
 * accumulator.add({ candidates: [{ content: { role: 'model', parts: [{ text: 'lo' }] }, finishReason: 'STOP' }] });
 * accumulator.result(); // { candidates: [{ content: { role: 'model', parts: [{ text: 'Hello' }] }, finishReason: 'STOP', index: 0 }] }
 * ```
 */
export class StreamAccumulator {
  // A map, not an array: a stray `index` (1e9) must not make a sparse array that takes
  // seconds to walk.
  readonly #candidates = new Map<number, Candidate>();
  #rest: GenerateContentResponseBody = {};
  #chunkCount = 0;

  /** How many chunks were folded. */
  get chunkCount(): number {
    return this.#chunkCount;
  }

  add(chunk: GenerateContentResponseBody): void {
    this.#chunkCount += 1;
    const { candidates, ...rest } = chunk;
    // Top-level fields (usageMetadata, promptFeedback, modelVersion, ...) are snapshots: last wins.
    this.#rest = { ...this.#rest, ...rest };
    if (!candidates) return;
    for (let position = 0; position < candidates.length; position += 1) {
      const incoming = candidates[position]!;
      const index = incoming.index ?? position;
      let target = this.#candidates.get(index);
      if (!target) {
        target = { index };
        this.#candidates.set(index, target);
      }
      const { content, ...fields } = incoming;
      Object.assign(target, fields);
      if (content) {
        const merged: Content = target.content ?? { parts: [] };
        if (content.role !== undefined) merged.role = content.role;
        merged.parts ??= [];
        for (const part of content.parts ?? []) appendPart(merged.parts, part);
        target.content = merged;
      }
    }
  }

  /** The aggregated body. */
  result(): GenerateContentResponseBody {
    if (this.#candidates.size === 0) return { ...this.#rest };
    const candidates = [...this.#candidates.values()];
    // Candidates arrive in index order in practice; sort only when they did not.
    if (this.#candidates.size > 1) candidates.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    return { candidates, ...this.#rest };
  }
}
