import { AbortedError, type ToolCall } from '@gemgate/core-transport';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineTool } from './define-tool.js';
import { runToolCalls } from './run-tool-calls.js';
import type { AnyTool } from './tool.js';

function call(name: string, index: number, arguments_: unknown = {}): ToolCall {
  return { id: `call_${index}`, name, arguments: arguments_ };
}

function toolMap(...tools: AnyTool[]): Map<string, AnyTool> {
  return new Map(tools.map((tool) => [tool.name, tool]));
}

async function settle(times = 5): Promise<void> {
  for (let round = 0; round < times; round++) await new Promise((resolve) => setImmediate(resolve));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('runToolCalls', () => {
  it('answers a tool that runs past its timeout with an error result, and tells it to stop', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let stopped = false;
    const slow = defineTool({
      name: 'slow_report',
      timeoutMs: 1000,
      execute: (_arguments, { signal }) =>
        new Promise(() => {
          signal.addEventListener('abort', () => {
            stopped = true;
          });
        }),
    });
    let settled: unknown;
    void runToolCalls({
      calls: [call('slow_report', 0)],
      tools: toolMap(slow),
      step: 0,
      concurrency: 4,
      signal: undefined,
    }).then((results) => {
      settled = results;
    });
    await vi.advanceTimersByTimeAsync(999);
    await settle();
    expect(settled).toBeUndefined();
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(settled).toEqual([
      {
        callId: 'call_0',
        name: 'slow_report',
        output: 'slow_report did not finish within 1000 ms and was stopped.',
        isError: true,
      },
    ]);
    expect(stopped).toBe(true);
  });

  it('runs at most `concurrency` calls at once, and gives results in call order', async () => {
    const log: string[] = [];
    const work = defineTool({
      name: 'work',
      parameters: z.object({ job: z.string() }),
      execute: async ({ job }) => {
        log.push(`${job}:start`);
        await settle(job === 'a' ? 3 : 1);
        log.push(`${job}:end`);
        return job;
      },
    });
    const results = await runToolCalls({
      calls: ['a', 'b', 'c'].map((job, index) => call('work', index, { job })),
      tools: toolMap(work),
      step: 0,
      concurrency: 2,
      signal: undefined,
    });
    expect(results.map((result) => result.output)).toEqual(['a', 'b', 'c']);
    // c waits for a free slot: it starts only after b ends.
    expect(log).toEqual(['a:start', 'b:start', 'b:end', 'c:start', 'c:end', 'a:end']);
  });

  it('answers unreadable arguments (the OpenAI route sent broken JSON) without running the tool', async () => {
    const executed: unknown[] = [];
    const tool = defineTool({ name: 'echo', execute: (value) => executed.push(value) });
    const [result] = await runToolCalls({
      calls: [
        { ...call('echo', 0), arguments: undefined, argumentsError: 'The arguments are not valid JSON: x' },
      ],
      tools: toolMap(tool),
      step: 0,
      concurrency: 1,
      signal: undefined,
    });
    expect(result).toEqual({
      callId: 'call_0',
      name: 'echo',
      output: 'The arguments are not valid JSON: x',
      isError: true,
    });
    expect(executed).toEqual([]);
  });

  it('rejects with AbortedError on an already aborted signal, running nothing', async () => {
    const executed: unknown[] = [];
    const tool = defineTool({ name: 'echo', execute: (value) => executed.push(value) });
    const error = await runToolCalls({
      calls: [call('echo', 0)],
      tools: toolMap(tool),
      step: 0,
      concurrency: 1,
      signal: AbortSignal.abort(),
    }).catch((caught: unknown) => caught);
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(executed).toEqual([]);
  });
});
