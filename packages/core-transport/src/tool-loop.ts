import { InvalidArgumentError } from './errors.js';
import type { Usage } from './usage.js';

/**
 * A function call the model asked for, in one vocabulary for both routes.
 *
 * `id` is always set and unique within its turn: the upstream's id when it sent one, otherwise
 * one derived from the answer (Gemini often omits `functionCall.id`; the OpenAI route can send
 * `''`), so results always pair with their call.
 */
export interface ToolCall {
  id: string;
  name: string;
  /** The arguments as a JSON object; `undefined` when they could not be read (see `argumentsError`). */
  arguments: unknown;
  /** The arguments exactly as the model wrote them (the OpenAI route sends a JSON string). */
  rawArguments?: string | undefined;
  /**
   * Why the arguments could not be read (not JSON, not an object). The loop answers such a call
   * with an error result (`toolResultForInvalidArguments`) so the model can retry, instead of failing.
   */
  argumentsError?: string | undefined;
  /** Gemini 3's thought signature of this call (only the first of parallel calls carries one). */
  thoughtSignature?: string | undefined;
}

/** What running one `ToolCall` gave, sent back to the model. */
export interface ToolResult {
  /** The `ToolCall.id` this answers. */
  callId: string;
  name: string;
  /** Any JSON value; an `Error` is sent as its message. */
  output: unknown;
  /** The tool failed: `output` describes the failure and is sent as `{ error }` rather than `{ output }`. */
  isError?: boolean | undefined;
}

/**
 * A tool the model may call, declared once for both routes: `parameters` is a JSON Schema
 * object (what `z.toJSONSchema` gives). Each adapter turns it into its protocol's declaration.
 */
export interface ToolDeclaration {
  name: string;
  description?: string | undefined;
  parameters?: Record<string, unknown> | undefined;
}

/**
 * How the model must use the declared tools: decide itself (`auto`), not call any (`none`,
 * declarations still sent), call at least one (`required`), call this one (`{ name }`), or
 * decide itself among these only (`{ allowed }`).
 */
export type ToolChoice = 'auto' | 'none' | 'required' | { name: string } | { allowed: readonly string[] };

/**
 * What a streamed turn (`send({ stream: true, onDelta })`) reports while it arrives, in order:
 * answer text, thoughts, the start of a tool call and pieces of its arguments as JSON text.
 * `index` is the call's position in the turn (its `toolCalls` index once the turn ends).
 */
export type ToolLoopDelta =
  | { type: 'text'; text: string }
  | { type: 'thought'; text: string }
  | { type: 'tool-call-start'; index: number; id: string | undefined; name: string }
  | { type: 'tool-call-arguments'; index: number; argumentsDelta: string };

/** One answer of the model inside a tool loop. */
export interface ToolLoopTurn {
  /** The calls to run, in the order the model wrote them; empty on a final answer. */
  toolCalls: ToolCall[];
  /** The answer's text without thoughts; `''` when the model only called tools. */
  text: string;
  /** This turn's usage; sum the turns with `addUsage`. */
  usage: Usage;
  /**
   * The model's turn in the route's own shape (a native `Content`, an OpenAI assistant message),
   * thought signatures in place. Opaque: `withToolResults` puts it back into the history.
   */
  assistantTurn: unknown;
  /** Why the model stopped, in the route's words (`STOP`, `tool_calls`, ...). */
  finishReason?: string | undefined;
  /** The client's response object, for what the neutral fields leave out (request id, raw body). */
  response?: unknown;
}

/**
 * What a tool loop needs from a client, so the loop is written once for both routes. `History`
 * is the route's own conversation (native `Content[]`, OpenAI messages); the loop never looks
 * inside it. Every method is pure except `send`, which calls the model once.
 *
 * @example
 * ```ts
 * import { addUsage, emptyUsage, type ToolLoopAdapter } from '@gemgate/core-transport';
 * async function run<History>(adapter: ToolLoopAdapter<History>, input: string) {
 *   let history = adapter.initialHistory({ input });
 *   let usage = emptyUsage();
 *   for (let step = 0; step < 5; step++) {
 *     const turn = await adapter.send({ history, tools: [{ name: 'now' }] });
 *     usage = addUsage(usage, turn.usage);
 *     if (turn.toolCalls.length === 0) return { text: turn.text, usage };
 *     const results = turn.toolCalls.map((call) => ({ callId: call.id, name: call.name, output: Date.now() }));
 *     history = adapter.withToolResults({ history, turn, results });
 *   }
 *   return undefined;
 * }
 * ```
 */
export interface ToolLoopAdapter<History = unknown> {
  readonly route: 'native' | 'openai';
  /** The history of a new conversation: a user text, or a history already in the route's shape (copied). */
  initialHistory(options: { input: string | History }): History;
  /** Calls the model once with the history and the tools. */
  send(options: {
    history: History;
    tools?: readonly ToolDeclaration[] | undefined;
    toolChoice?: ToolChoice | undefined;
    signal?: AbortSignal | undefined;
    /** Stream the answer, reporting its pieces to `onDelta`; the turn returned is the same. */
    stream?: boolean | undefined;
    onDelta?: ((delta: ToolLoopDelta) => void) | undefined;
  }): Promise<ToolLoopTurn>;
  /**
   * A new history: the given one, then the model's turn as it was sent, then the results (one
   * per call of the turn, any order). The history given is not changed.
   */
  withToolResults(options: { history: History; turn: ToolLoopTurn; results: readonly ToolResult[] }): History;
}

/**
 * Reads a tool call's arguments from the JSON text the model wrote. `''` (Gemini's "no
 * arguments") is `{}`; text that is not JSON, or JSON that is not an object, gives an
 * `argumentsError` to send back to the model instead of an exception.
 *
 * @example
 * ```ts
 * import { parseToolCallArguments } from '@gemgate/core-transport';
 * parseToolCallArguments({ rawArguments: '{"city":"Paris"}' }); // { arguments: { city: 'Paris' }, argumentsError: undefined }
 * parseToolCallArguments({ rawArguments: '{"city":' }).argumentsError; // 'The arguments are not valid JSON: ...'
 * ```
 */
export function parseToolCallArguments({ rawArguments }: { rawArguments: string }): {
  arguments: unknown;
  argumentsError: string | undefined;
} {
  if (rawArguments.trim() === '') return { arguments: {}, argumentsError: undefined };
  let value: unknown;
  try {
    value = JSON.parse(rawArguments);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { arguments: undefined, argumentsError: `The arguments are not valid JSON: ${reason}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { arguments: undefined, argumentsError: 'The arguments must be a JSON object.' };
  }
  return { arguments: value, argumentsError: undefined };
}

/**
 * An id for a call the upstream sent without one: the same answer always gives the same id
 * (so recorded runs replay), different answers almost never collide.
 *
 * @example
 * ```ts
 * import { stableToolCallId } from '@gemgate/core-transport';
 * stableToolCallId({ seed: JSON.stringify(content), index: 0 }); // 'call_3f1c9a2e_0'
 * ```
 */
export function stableToolCallId({ seed, index }: { seed: string; index: number }): string {
  // FNV-1a, 32 bits: cheap, dependency-free, and stable across runs and platforms.
  let hash = 0x811c9dc5;
  for (let position = 0; position < seed.length; position++) {
    hash ^= seed.charCodeAt(position);
    hash = Math.imul(hash, 0x01000193);
  }
  return `call_${(hash >>> 0).toString(16).padStart(8, '0')}_${index}`;
}

/**
 * The object a result is sent as on both routes: `{ output }`, or `{ error }` for a failed
 * tool (an `Error` as its message), so the model reads results the same way on either route.
 *
 * @example
 * ```ts
 * import { toolResultPayload } from '@gemgate/core-transport';
 * toolResultPayload({ result: { callId: 'c1', name: 'f', output: 42 } }); // { output: 42 }
 * toolResultPayload({ result: { callId: 'c1', name: 'f', output: new Error('down'), isError: true } }); // { error: 'down' }
 * ```
 */
export function toolResultPayload({
  result,
}: {
  result: ToolResult;
}): { output: unknown } | { error: unknown } {
  const value = result.output instanceof Error ? result.output.message : result.output;
  // `undefined` would vanish from the JSON and leave the model an empty object.
  const sent = value === undefined ? null : value;
  return result.isError ? { error: sent } : { output: sent };
}

/**
 * The error result that answers a call whose arguments could not be read, so the model sees
 * what was wrong and can call again.
 *
 * @example
 * ```ts
 * import { toolResultForInvalidArguments } from '@gemgate/core-transport';
 * const results = turn.toolCalls.map((call) =>
 *   call.argumentsError ? toolResultForInvalidArguments({ call }) : run(call),
 * );
 * ```
 */
export function toolResultForInvalidArguments({ call }: { call: ToolCall }): ToolResult {
  return {
    callId: call.id,
    name: call.name,
    output: call.argumentsError ?? 'The arguments could not be read.',
    isError: true,
  };
}

/**
 * The results of one turn in the order of its calls, checked: every call answered exactly once
 * and nothing else. The upstream rejects a turn whose calls and results do not match, with a
 * message that does not say which one; this says it before anything is sent.
 *
 * @example
 * ```ts
 * import { orderToolResults } from '@gemgate/core-transport';
 * const ordered = orderToolResults({ calls: turn.toolCalls, results });
 * ```
 */
export function orderToolResults({
  calls,
  results,
}: {
  calls: readonly ToolCall[];
  results: readonly ToolResult[];
}): ToolResult[] {
  const byCall = new Map<string, ToolResult>();
  for (const result of results) {
    if (!calls.some((call) => call.id === result.callId)) {
      throw new InvalidArgumentError(
        `The result for "${result.callId}" (${result.name}) answers no call of this turn: use the ids of turn.toolCalls.`,
        { argument: 'results' },
      );
    }
    if (byCall.has(result.callId)) {
      throw new InvalidArgumentError(
        `Call "${result.callId}" (${result.name}) has two results: send one result per call.`,
        { argument: 'results' },
      );
    }
    byCall.set(result.callId, result);
  }
  return calls.map((call) => {
    const result = byCall.get(call.id);
    if (!result) {
      throw new InvalidArgumentError(
        `Call "${call.id}" (${call.name}) has no result: answer every call of the turn (an error result for one that was not run).`,
        { argument: 'results' },
      );
    }
    return result;
  });
}

/**
 * The key under which a client offers its tool-loop adapter (`Symbol.for`, so two copies of
 * this package agree). It lets `runTools({ client, model })` drive either client without
 * importing it: helpers sit below the clients and never import them.
 */
export const toolLoopAdapterKey: unique symbol = Symbol.for('gemgate.toolLoopAdapter');

/** A client that offers a tool-loop adapter (both gemgate clients do). */
export interface ToolLoopClient {
  // `any`: each client has its own history type, opaque to the loop.
  [toolLoopAdapterKey](options: { model: string }): ToolLoopAdapter<any>;
}

/**
 * The tool-loop adapter of a client, for `model`; an `InvalidArgumentError` when the object
 * given is not a gemgate client.
 *
 * @example
 * ```ts
 * import { toolLoopAdapterOf } from '@gemgate/core-transport';
 * import { createGemini } from '@gemgate/native-gemini';
 * const adapter = toolLoopAdapterOf({ client: createGemini(), model: 'gemini-2.5-flash' });
 * ```
 */
export function toolLoopAdapterOf({
  client,
  model,
}: {
  client: unknown;
  model: string;
}): ToolLoopAdapter<unknown> {
  const factory =
    typeof client === 'object' && client !== null
      ? (client as Partial<ToolLoopClient>)[toolLoopAdapterKey]
      : undefined;
  if (typeof factory !== 'function') {
    throw new InvalidArgumentError(
      'client is not a gemgate client: pass the result of createGemini() or createOpenAICompat().',
      { argument: 'client' },
    );
  }
  return factory.call(client, { model });
}
