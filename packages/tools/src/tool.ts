import type { ToolCall, ToolDeclaration } from '@gemgate/core-transport';
import type { JsonSchema } from '@gemgate/core-transport/json-schema';

/** What `execute` receives beside the arguments. */
export interface ToolExecuteContext {
  /** The call being answered (its id, its arguments as the model wrote them, ...). */
  call: ToolCall;
  /** Fires when the run is aborted or this call times out: stop the work and return or throw. */
  signal: AbortSignal;
  /** The loop step (0 for the model's first answer) that asked for this call. */
  step: number;
}

/** What checking a call's arguments against the tool's schema gave. */
export type ToolArgumentsCheck<Arguments> =
  | { success: true; arguments: Arguments }
  | { success: false; message: string };

/**
 * A tool made by `defineTool`: its declaration for both routes, its argument check and its
 * function. Plain data apart from `execute` and `checkArguments`, so it can be built once and
 * used with every client.
 */
export interface Tool<Arguments = unknown, Output = unknown> {
  readonly name: string;
  readonly description: string | undefined;
  /** The parameters as the JSON Schema both routes send (what zod's schema converts to). */
  readonly parameters: Readonly<JsonSchema>;
  /** The neutral declaration the tool-loop adapters send. */
  readonly declaration: ToolDeclaration;
  /** How long one call may run before it is answered with a timeout error; `undefined`: no limit. */
  readonly timeoutMs: number | undefined;
  /** Checks arguments the model wrote against the schema (zod's parse for a zod schema). */
  checkArguments(value: unknown): ToolArgumentsCheck<Arguments>;
  execute(arguments_: Arguments, context: ToolExecuteContext): Output | Promise<Output>;
}

/** A tool of any argument and output types, as lists of tools hold them. */
// a list mixes tools whose argument types differ.
export type AnyTool = Tool<any, unknown>;
