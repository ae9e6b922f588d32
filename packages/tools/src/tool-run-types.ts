import type { ToolCall, ToolLoopTurn, ToolResult, Usage } from '@gemgate/core-transport';

/** One model answer of a run, with what the loop did about it. */
export interface ToolRunStep {
  /** 0 for the model's first answer. */
  index: number;
  /** The model's answer as the adapter read it (calls, text, usage, the route's own turn). */
  turn: ToolLoopTurn;
  /** The answer's text without thoughts. */
  text: string;
  /** The calls to declared tools, run by the loop. */
  toolCalls: ToolCall[];
  /** One per call of `toolCalls`, in the same order; errors (thrown, timed out, bad arguments) included. */
  results: ToolResult[];
  /** Calls to tools the caller did not declare (server-side tools, MCP, built-ins): never run here. */
  serverToolCalls: ToolCall[];
  /** This step's usage. */
  usage: Usage;
}

/** Why a run ended. */
export type ToolRunFinishReason =
  /** The model answered without calling a tool. */
  | 'final-answer'
  /** `maxSteps` answers were read and the last still called tools (their results are in `history`). */
  | 'max-steps'
  /** `stopWhen` said to stop after a step. */
  | 'stop-condition'
  /** The model called a tool that was not declared: see the last step's `serverToolCalls`. */
  | 'server-tool-calls';

/** What a run gave. */
export interface ToolRunResult {
  /** The last answer's text (the final answer, when `finishReason` is `final-answer`). */
  text: string;
  finishReason: ToolRunFinishReason;
  steps: ToolRunStep[];
  /** The usage of every step summed. */
  usage: Usage;
  /**
   * The conversation in the route's own shape, up to the last step (its results included when
   * they were run), to continue with `runTools({ input: history })`.
   */
  history: unknown;
}

/**
 * What a streamed run (`runTools({ stream: true })`) reports, in order. Each step: `step-start`,
 * its deltas as the answer arrives, a `tool-call` per complete call, a `tool-result` as each
 * finishes, `step-end`; then `finish` with the run's result.
 */
export type ToolRunEvent =
  | { type: 'step-start'; step: number }
  | { type: 'text-delta'; step: number; text: string }
  | { type: 'thought-delta'; step: number; text: string }
  | { type: 'tool-call-start'; step: number; index: number; id: string | undefined; name: string }
  | { type: 'tool-call-arguments'; step: number; index: number; argumentsDelta: string }
  | { type: 'tool-call'; step: number; call: ToolCall }
  | { type: 'server-tool-call'; step: number; call: ToolCall }
  | { type: 'tool-result'; step: number; call: ToolCall; result: ToolResult }
  | { type: 'step-end'; step: ToolRunStep }
  | { type: 'finish'; result: ToolRunResult };
