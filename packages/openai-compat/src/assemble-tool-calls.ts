import type { WireExtraContent, WireToolCall, WireToolCallDelta } from './wire-types.js';

/**
 * Builds whole tool calls from streamed fragments. Two styles arrive through the gateway:
 * OpenAI's index-based deltas (arguments spread over chunks), and Gemini's whole calls without
 * an `index` (each delta is one complete call). Both are assembled by the same rules.
 *
 * @example
 * ```ts
 * const assembler = createToolCallAssembler();
 * assembler.add({ index: 0, id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a"' } });
 * assembler.add({ index: 0, function: { arguments: ':1}' } });
 * assembler.toolCalls(); // [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }]
 * ```
 */
export function createToolCallAssembler() {
  const calls: WireToolCall[] = [];
  const byIndex = new Map<number, WireToolCall>();

  function slotFor(delta: WireToolCallDelta): WireToolCall | undefined {
    if (delta.index !== undefined) {
      const slot = byIndex.get(delta.index);
      // Some upstreams repeat one index for several whole calls: a different id is a new call.
      if (slot && delta.id && slot.id && delta.id !== slot.id) return undefined;
      return slot;
    }
    // A whole call without index is new unless its id was already seen.
    if (delta.id) return calls.find((call) => call.id === delta.id);
    // Without index and id, a delta that names a function is a whole call of its own (two such
    // calls must not merge into one with `{...}{...}` arguments); a nameless one continues the last.
    if (delta.function?.name) return undefined;
    return calls.at(-1);
  }

  return {
    add(delta: WireToolCallDelta): void {
      let slot = slotFor(delta);
      if (slot === undefined) {
        slot = { id: '', type: 'function', function: { name: '', arguments: '' } };
        calls.push(slot);
        if (delta.index !== undefined) byIndex.set(delta.index, slot);
      }
      if (delta.id) slot.id = delta.id;
      // Names arrive whole; some upstreams repeat the name on every fragment, so replace, never
      // append (the `openai` package does the same).
      const name = delta.function?.name;
      if (name) slot.function.name = name;
      const fragment = delta.function?.arguments;
      if (typeof fragment === 'string') {
        if (fragment !== '') slot.function.arguments = `${slot.function.arguments ?? ''}${fragment}`;
      } else if (fragment) {
        // Some OpenAI-shaped upstreams send a whole call's arguments as an object, not JSON text.
        slot.function.arguments = JSON.stringify(fragment);
      }
      if (delta.extra_content) {
        slot.extra_content = mergeExtraContent({ into: slot.extra_content, from: delta.extra_content });
      }
    },
    toolCalls(): WireToolCall[] {
      return calls;
    },
  };
}

/** Merges `extra_content` objects one level into `google`, where the thought signature lives. */
export function mergeExtraContent({
  into,
  from,
}: {
  into: WireExtraContent | undefined;
  from: WireExtraContent;
}): WireExtraContent {
  if (into === undefined) return from;
  return { ...into, ...from, google: { ...into.google, ...from.google } };
}
