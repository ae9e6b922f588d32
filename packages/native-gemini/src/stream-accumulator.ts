import { createPartialArgsBuilder } from './apply-partial-args.js';
import type { Candidate, Content, FunctionCall, GenerateContentResponseBody, Part } from './wire-types.js';

/** A function call whose arguments are still streaming in (Vertex AI `partialArgs`). */
interface OpenCall {
  /** The part in the folded parts, completed in place as the pieces arrive. */
  part: Part & { functionCall: FunctionCall };
  args: ReturnType<typeof createPartialArgsBuilder>;
}

/** Whether a function-call part belongs to a call whose arguments are streamed in pieces. */
function isStreamedCall(call: FunctionCall): boolean {
  return call.partialArgs !== undefined || call.willContinue !== undefined || call.name === undefined;
}

/** The call without its streaming bookkeeping: what a non-streamed answer would hold. */
function wholeCall({ partialArgs: _pieces, willContinue: _more, ...call }: FunctionCall): FunctionCall {
  return call;
}

/** Whether a part is plain text (maybe a thought) with nothing else that would be lost by merging. */
function isPlainText(part: Part): boolean {
  for (const key in part) if (key !== 'text' && key !== 'thought') return false;
  return part.text !== undefined;
}

/**
 * Appends one streamed part to the folded parts. `lastIsOwnText` says whether the last folded
 * part is plain text this fold created (so it may grow in place rather than be copied per chunk).
 */
function appendPart(parts: Part[], part: Part, lastIsOwnText: boolean): boolean {
  const plain = isPlainText(part);
  // Consecutive text of the same kind is one part split by the stream; anything carrying a
  // thoughtSignature (even an empty text part) stays its own part, where it arrived, because
  // Gemini 3 wants signatures back exactly in place.
  if (plain && lastIsOwnText) {
    const previous = parts[parts.length - 1]!;
    if ((previous.thought === true) === (part.thought === true)) {
      previous.text = previous.text! + part.text!;
      return true;
    }
  }
  parts.push({ ...part });
  return plain;
}

/**
 * Folds one piece of a streamed function call: a named piece (or a nameless one with nothing
 * open) starts a call, nameless pieces continue the open one, and the call closes on the first
 * piece without `willContinue`. Returns the call still open afterwards.
 */
function appendCallPiece({
  parts,
  part,
  open,
}: {
  parts: Part[];
  part: Part & { functionCall: FunctionCall };
  open: OpenCall | undefined;
}): OpenCall | undefined {
  const { functionCall, ...rest } = part;
  let call = open;
  if (call === undefined || functionCall.name !== undefined) {
    const folded = { ...rest, functionCall: { ...wholeCall(functionCall), args: {} } };
    const args = createPartialArgsBuilder({ args: functionCall.args ?? {} });
    folded.functionCall.args = args.args;
    parts.push(folded);
    call = { part: folded, args };
  } else {
    // A signature or id that arrives on a later piece still belongs to the call.
    for (const key in rest) if (call.part[key] === undefined) call.part[key] = rest[key];
    const { args, partialArgs: _pieces, willContinue: _more, name: _name, ...fields } = functionCall;
    Object.assign(call.part.functionCall, fields);
    if (args) for (const key in args) call.args.args[key] = args[key];
  }
  for (const piece of functionCall.partialArgs ?? []) call.args.add(piece);
  return functionCall.willContinue === true ? call : undefined;
}

/**
 * Folds the chunks of `:streamGenerateContent` into one response, the way the upstream's
 * non-streamed answer would read: parts concatenated in order, the last usage snapshot (usage
 * is cumulative on every chunk), the last finish reason seen (a `STOP` may come before the
 * code-execution chunks, so it never ends the fold), and a function call whose arguments
 * Vertex AI streamed as `partialArgs` pieces (the gateway can route there) rebuilt as one
 * `functionCall { name, args }`.
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
  /** Per candidate index, the function call whose arguments are still streaming in. */
  readonly #openCalls = new Map<number, OpenCall>();
  /** Per candidate index, whether its last folded part is plain text this fold made (and may extend). */
  readonly #lastIsOwnText = new Map<number, boolean>();
  #rest: GenerateContentResponseBody = {};
  #chunkCount = 0;

  /** How many chunks were folded. */
  get chunkCount(): number {
    return this.#chunkCount;
  }

  add(chunk: GenerateContentResponseBody): void {
    this.#chunkCount += 1;
    let candidates: Candidate[] | undefined;
    // Top-level fields (usageMetadata, promptFeedback, modelVersion, ...) are snapshots: last
    // wins. Copied key by key: rest-and-spread would build two objects per chunk.
    const rest = this.#rest as Record<string, unknown>;
    for (const key in chunk) {
      if (key === 'candidates') candidates = chunk.candidates;
      else rest[key] = (chunk as Record<string, unknown>)[key];
    }
    if (!candidates) return;
    for (let position = 0; position < candidates.length; position += 1) {
      const incoming = candidates[position]!;
      const index = incoming.index ?? position;
      let target = this.#candidates.get(index);
      if (!target) {
        target = { index };
        this.#candidates.set(index, target);
      }
      for (const key in incoming) {
        if (key !== 'content')
          (target as Record<string, unknown>)[key] = (incoming as Record<string, unknown>)[key];
      }
      const content = incoming.content;
      if (content) {
        const merged: Content = target.content ?? { parts: [] };
        if (content.role !== undefined) merged.role = content.role;
        merged.parts ??= [];
        let lastIsOwnText = this.#lastIsOwnText.get(index) === true;
        for (const part of content.parts ?? []) {
          const functionCall = part.functionCall;
          if (functionCall && (isStreamedCall(functionCall) || this.#openCalls.has(index))) {
            const open = appendCallPiece({
              parts: merged.parts,
              part: part as Part & { functionCall: FunctionCall },
              open: this.#openCalls.get(index),
            });
            if (open) this.#openCalls.set(index, open);
            else this.#openCalls.delete(index);
            lastIsOwnText = false;
          } else {
            lastIsOwnText = appendPart(merged.parts, part, lastIsOwnText);
          }
        }
        this.#lastIsOwnText.set(index, lastIsOwnText);
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
