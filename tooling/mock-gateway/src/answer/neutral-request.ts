import type { Modality } from '../text/count-tokens.js';

/** A function the caller declared, in either protocol. */
export interface DeclaredFunction {
  name: string;
  /** JSON Schema or Google's OpenAPI subset; `undefined` for a function without parameters. */
  schema: unknown;
}

/** What the caller forces about function calling. */
export type FunctionMode =
  /** Call when the last user turn names a declared function. */
  | { kind: 'auto' }
  /** Never call. */
  | { kind: 'none' }
  /** Always call: one of `allowed` (all declared when empty). */
  | { kind: 'any'; allowed: string[] };

/** A request of either route reduced to what decides the answer. */
export interface NeutralRequest {
  model: string;
  /** A stable string from which the answer's randomness is seeded. */
  seedKey: string;
  /** Text of the last user turn (function responses excluded). */
  lastUserText: string;
  /** The function results the last turn carries, if it carries any. */
  functionResults: { name: string; response: unknown }[];
  functions: DeclaredFunction[];
  functionMode: FunctionMode;
  codeExecution: boolean;
  /** Whether a server-side search tool grounds the answer (`googleSearch` natively, `-search` ids). */
  search: boolean;
  /** Whether the caller asked for streamed function-call arguments (Vertex's `streamFunctionCallArguments`). */
  streamFunctionCallArguments: boolean;
  /** Set when the caller asked for JSON; `schema` undefined means any JSON object. */
  json: { schema: unknown } | undefined;
  /** Whether the model thinks for this request. */
  thinks: boolean;
  /** Whether the caller asked to see the thoughts (`includeThoughts`, `reasoning_effort`). */
  showThoughts: boolean;
  /** Upper bound of thinking tokens (the budget), when the caller set one. */
  thinkingBudget: number | undefined;
  maxOutputTokens: number | undefined;
  stopSequences: string[];
  /** Prompt token counts by modality (cached share included). */
  promptTokens: Partial<Record<Modality, number>>;
  /** Prompt tokens served from a cache (implicit or explicit). */
  cachedTokens: number;
}

/** One part of an answer, protocol-neutral. */
export type AnswerPart =
  | { kind: 'text'; text: string }
  | { kind: 'functionCall'; id: string; name: string; args: Record<string, unknown> }
  | { kind: 'executableCode'; code: string }
  | { kind: 'codeExecutionResult'; output: string };

/** The answer the mock decided on, rendered later by each route. */
export interface Answer {
  /** Thought summary text; its tokens are the thinking tokens. Empty when the model did not think. */
  thoughts: string;
  thoughtTokens: number;
  parts: AnswerPart[];
  finishReason: 'STOP' | 'MAX_TOKENS';
  /** Set when thinking used up `maxOutputTokens`: no parts at all, `MAX_TOKENS`. */
  thinkingExhaustedOutput: boolean;
  candidatesTokens: number;
  /** An opaque signature for the thinking behind this answer (Gemini's `thoughtSignature`). */
  signature: string;
}

/** Sum of prompt tokens over modalities. */
export function totalPromptTokens(request: Pick<NeutralRequest, 'promptTokens'>): number {
  let total = 0;
  for (const count of Object.values(request.promptTokens)) total += count ?? 0;
  return total;
}
