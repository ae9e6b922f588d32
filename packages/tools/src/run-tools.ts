import {
  addUsage,
  emptyUsage,
  InvalidArgumentError,
  type ToolChoice,
  type ToolLoopAdapter,
  type ToolLoopClient,
  toolLoopAdapterOf,
} from '@gemgate/core-transport';
import { abortedError, runToolCalls } from './run-tool-calls.js';
import type { AnyTool } from './tool.js';
import { checkToolChoice } from './tool-choice.js';
import { ToolRunStream } from './tool-run-stream.js';
import type { ToolRunEvent, ToolRunResult, ToolRunStep } from './tool-run-types.js';

/** What `runTools` takes. */
export interface RunToolsOptions {
  /** A gemgate client (`createGemini()`, `createOpenAICompat()`); or give `adapter` instead. */
  client?: ToolLoopClient | undefined;
  /** The model, with `client`. */
  model?: string | undefined;
  /** A tool-loop adapter made by hand (e.g. with a `config` carrying `codeExecution()`), instead of `client` and `model`. */
  // each route has its own history type, opaque to the loop.
  adapter?: ToolLoopAdapter<any> | undefined;
  /** The user's text, or a conversation already in the route's shape (a run's `history`). */
  input: unknown;
  tools: readonly AnyTool[];
  /** For every step, or per step (`({ step }) => step === 0 ? 'required' : 'auto'`); default `auto`. */
  toolChoice?: ToolChoice | ((options: { step: number }) => ToolChoice | undefined) | undefined;
  /** The most model answers read; default 10. */
  maxSteps?: number | undefined;
  /** Checked after each step that ran tools: `true` ends the run there. */
  stopWhen?: ((options: { steps: readonly ToolRunStep[] }) => boolean) | undefined;
  /** Called after each step, before the next call to the model. */
  onStep?: ((step: ToolRunStep) => void | Promise<void>) | undefined;
  /** Ends the run: the model's call is cancelled, running tools see their signal fire and are awaited. */
  signal?: AbortSignal | undefined;
  /** The most calls of one step run at the same time; default 4. */
  concurrency?: number | undefined;
  /** Stream each answer: `runTools` then gives a `ToolRunStream` of events. */
  stream?: boolean | undefined;
}

/**
 * Runs a tool loop on either client, written once on the tool-loop adapter: call the model,
 * check each call's arguments against its tool's schema (bad ones go back to the model as an
 * error result), run the calls (a step's parallel calls concurrently, at most `concurrency` at a
 * time), send the results back, and stop at a final answer, `maxSteps` or `stopWhen`. Thought
 * signatures travel in the history the adapters keep, so Gemini 3 accepts every step; calls to
 * tools not in `tools` are surfaced, never run. Usage is summed, and each step's kept.
 *
 * With `stream: true` it returns a `ToolRunStream`: the run starts at once, and its events
 * (text and thought deltas, tool calls, results, step ends) arrive while it runs.
 *
 * @example
 * ```ts
 * import { createGemini } from '@gemgate/native-gemini';
 * import { defineTool, runTools } from '@gemgate/tools';
 * import { z } from 'zod';
 * const weather = defineTool({
 *   name: 'get_weather',
 *   parameters: z.object({ city: z.string() }),
 *   execute: ({ city }) => ({ city, celsius: 21 }),
 * });
 * const result = await runTools({
 *   client: createGemini(),
 *   model: 'gemini-2.5-flash',
 *   input: 'What is the weather in Paris? Use get_weather.',
 *   tools: [weather],
 * });
 * console.log(result.text, result.usage.totalTokens);
 * ```
 */
export function runTools(options: RunToolsOptions & { stream: true }): ToolRunStream;
export function runTools(options: RunToolsOptions & { stream?: false | undefined }): Promise<ToolRunResult>;
export function runTools(options: RunToolsOptions): Promise<ToolRunResult> | ToolRunStream;
export function runTools(options: RunToolsOptions): Promise<ToolRunResult> | ToolRunStream {
  if (options.stream === true) {
    return new ToolRunStream({
      start: ({ emit, signal }) => runLoop({ options: { ...options, signal }, emit }),
      signal: options.signal,
    });
  }
  return runLoop({ options, emit: undefined });
}

async function runLoop({
  options,
  emit,
}: {
  options: RunToolsOptions;
  emit: ((event: ToolRunEvent) => void) | undefined;
}): Promise<ToolRunResult> {
  const {
    input,
    tools,
    toolChoice,
    maxSteps = 10,
    stopWhen,
    onStep,
    signal,
    concurrency = 4,
    stream = false,
  } = options;
  const adapter = adapterOf(options);
  const toolsByName = toolMap({ tools });
  checkLimits({ maxSteps, concurrency });
  if (typeof input !== 'string' && !Array.isArray(input)) {
    throw new InvalidArgumentError(
      "input must be the user's text, or a history in the route's shape (a previous run's history).",
      { argument: 'input' },
    );
  }
  const declarations = tools.map((tool) => tool.declaration);
  let history = adapter.initialHistory({ input: input as string });
  let usage = emptyUsage();
  const steps: ToolRunStep[] = [];
  const finish = (result: ToolRunResult) => {
    emit?.({ type: 'finish', result });
    return result;
  };
  for (let index = 0; index < maxSteps; index++) {
    if (signal?.aborted) throw abortedError(signal);
    const choice = typeof toolChoice === 'function' ? toolChoice({ step: index }) : toolChoice;
    if (choice !== undefined) checkToolChoice({ toolChoice: choice, toolNames: [...toolsByName.keys()] });
    emit?.({ type: 'step-start', step: index });
    const turn = await adapter.send({
      history,
      tools: declarations,
      toolChoice: choice,
      signal,
      stream,
      onDelta: emit
        ? (delta) => {
            if (delta.type === 'text') emit({ type: 'text-delta', step: index, text: delta.text });
            else if (delta.type === 'thought') emit({ type: 'thought-delta', step: index, text: delta.text });
            else emit({ ...delta, step: index });
          }
        : undefined,
    });
    usage = addUsage(usage, turn.usage);
    const toolCalls = turn.toolCalls.filter((call) => toolsByName.has(call.name));
    const serverToolCalls = turn.toolCalls.filter((call) => !toolsByName.has(call.name));
    for (const call of toolCalls) emit?.({ type: 'tool-call', step: index, call });
    for (const call of serverToolCalls) emit?.({ type: 'server-tool-call', step: index, call });
    // A step with an undeclared call runs nothing: the caller answers it, or the server already did.
    const results =
      toolCalls.length > 0 && serverToolCalls.length === 0
        ? await runToolCalls({
            calls: toolCalls,
            tools: toolsByName,
            step: index,
            concurrency,
            signal,
            onResult: ({ call, result }) => emit?.({ type: 'tool-result', step: index, call, result }),
          })
        : [];
    const step: ToolRunStep = {
      index,
      turn,
      text: turn.text,
      toolCalls,
      results,
      serverToolCalls,
      usage: turn.usage,
    };
    steps.push(step);
    if (results.length > 0) history = adapter.withToolResults({ history, turn, results });
    emit?.({ type: 'step-end', step });
    await onStep?.(step);
    if (signal?.aborted) throw abortedError(signal);
    const result = (finishReason: ToolRunResult['finishReason']) =>
      finish({ text: turn.text, finishReason, steps, usage, history });
    if (turn.toolCalls.length === 0) return result('final-answer');
    if (serverToolCalls.length > 0) return result('server-tool-calls');
    if (stopWhen?.({ steps })) return result('stop-condition');
  }
  return finish({ text: steps.at(-1)?.text ?? '', finishReason: 'max-steps', steps, usage, history });
}

// each route has its own history type, opaque to the loop.
function adapterOf({ client, model, adapter }: RunToolsOptions): ToolLoopAdapter<any> {
  if (adapter !== undefined) {
    if (client !== undefined) {
      throw new InvalidArgumentError('Give client and model, or adapter, not both.', { argument: 'adapter' });
    }
    return adapter;
  }
  if (typeof model !== 'string' || model === '') {
    throw new InvalidArgumentError('model is required with client: name the model to call.', {
      argument: 'model',
    });
  }
  return toolLoopAdapterOf({ client, model });
}

function toolMap({ tools }: { tools: readonly AnyTool[] }): Map<string, AnyTool> {
  if (!Array.isArray(tools)) {
    throw new InvalidArgumentError('tools must be a list of tools made by defineTool.', {
      argument: 'tools',
    });
  }
  const byName = new Map<string, AnyTool>();
  tools.forEach((tool, index) => {
    if (typeof tool?.checkArguments !== 'function' || typeof tool.execute !== 'function') {
      throw new InvalidArgumentError(`tools.${index} is not a tool: make it with defineTool.`, {
        argument: `tools.${index}`,
      });
    }
    if (byName.has(tool.name)) {
      throw new InvalidArgumentError(
        `tools.${index} repeats the name "${tool.name}": give each tool its own name.`,
        {
          argument: `tools.${index}`,
        },
      );
    }
    byName.set(tool.name, tool);
  });
  return byName;
}

function checkLimits({ maxSteps, concurrency }: { maxSteps: number; concurrency: number }): void {
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new InvalidArgumentError('maxSteps must be a whole number of 1 or more.', { argument: 'maxSteps' });
  }
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InvalidArgumentError('concurrency must be a whole number of 1 or more.', {
      argument: 'concurrency',
    });
  }
}
