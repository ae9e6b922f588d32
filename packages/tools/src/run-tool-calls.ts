import {
  AbortedError,
  type ToolCall,
  type ToolResult,
  toolResultForInvalidArguments,
} from '@gemgate/core-transport';
import type { AnyTool } from './tool.js';

/**
 * Runs the calls of one step, at most `concurrency` at a time, and gives one result per call in
 * call order. Bad arguments, a throw and a timeout become error results for the model, never a
 * failure of the run. When `signal` fires, calls not started are never started, running ones
 * see their context's signal fire, and this waits for them to settle before rejecting with an
 * `AbortedError`, so no tool is left running behind the caller's back.
 */
export async function runToolCalls({
  calls,
  tools,
  step,
  concurrency,
  signal,
  onResult = () => {},
}: {
  calls: readonly ToolCall[];
  tools: ReadonlyMap<string, AnyTool>;
  step: number;
  concurrency: number;
  signal: AbortSignal | undefined;
  onResult?: ((options: { call: ToolCall; result: ToolResult }) => void) | undefined;
}): Promise<ToolResult[]> {
  const results: ToolResult[] = new Array(calls.length);
  let next = 0;
  const worker = async () => {
    while (next < calls.length && !signal?.aborted) {
      const index = next++;
      const call = calls[index]!;
      const result = await runToolCall({ call, tool: tools.get(call.name)!, step, signal });
      results[index] = result;
      if (!signal?.aborted) onResult({ call, result });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, calls.length) }, worker));
  if (signal?.aborted) throw abortedError(signal);
  return results;
}

/** The error a run aborted by its signal rejects with. */
export function abortedError(signal: AbortSignal): AbortedError {
  return new AbortedError('The tool run was aborted.', { cause: signal.reason });
}

async function runToolCall({
  call,
  tool,
  step,
  signal,
}: {
  call: ToolCall;
  tool: AnyTool;
  step: number;
  signal: AbortSignal | undefined;
}): Promise<ToolResult> {
  if (call.argumentsError !== undefined) return toolResultForInvalidArguments({ call });
  const checked = tool.checkArguments(call.arguments);
  if (!checked.success) {
    return errorResult({
      call,
      message: `The arguments do not match the parameters of ${call.name} (${checked.message}): call it again with arguments that do.`,
    });
  }
  const controller = new AbortController();
  const stopCall = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', stopCall, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const running = Promise.resolve().then(() =>
      tool.execute(checked.arguments, { call, signal: controller.signal, step }),
    );
    const outcomes: Array<Promise<{ output: unknown } | { timedOut: true }>> = [
      running.then((output) => ({ output })),
    ];
    if (tool.timeoutMs !== undefined) {
      const timeoutMs = tool.timeoutMs;
      outcomes.push(
        new Promise((resolve) => {
          timer = setTimeout(() => resolve({ timedOut: true }), timeoutMs);
        }),
      );
    }
    const outcome = await Promise.race(outcomes);
    if ('timedOut' in outcome) {
      // The tool is told to stop; its late answer is dropped (and its failure too).
      running.catch(() => {});
      controller.abort(new Error(`${call.name} timed out`));
      return errorResult({
        call,
        message: `${call.name} did not finish within ${tool.timeoutMs} ms and was stopped.`,
      });
    }
    return { callId: call.id, name: call.name, output: outcome.output };
  } catch (error) {
    return { callId: call.id, name: call.name, output: errorMessage(error), isError: true };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', stopCall);
  }
}

function errorResult({ call, message }: { call: ToolCall; message: string }): ToolResult {
  return { callId: call.id, name: call.name, output: message, isError: true };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
