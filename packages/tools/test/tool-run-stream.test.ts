import { AbortedError, BadRequestError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool, runTools } from '../src/index.js';
import { useGateway } from './gateway.js';

const { client, gateway } = useGateway();

describe('a streamed run', () => {
  it('leaving the loop early aborts the run: no further model call, the running tool stopped', async () => {
    const log: string[] = [];
    const waits = defineTool({
      name: 'get_weather',
      parameters: z.object({ city: z.string() }),
      execute: (_arguments, { signal }) =>
        new Promise((_resolve, reject) => {
          log.push('start');
          signal.addEventListener('abort', () => {
            log.push('stopped');
            reject(signal.reason);
          });
        }),
    });
    const run = runTools({
      client: client({ route: 'openai' }),
      model: 'gemini-2.5-flash',
      input: 'Use get_weather for Paris.',
      tools: [waits],
      stream: true,
    });
    for await (const event of run) if (event.type === 'tool-call') break;
    const error = await run.result.catch((caught: unknown) => caught);
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(log).toEqual(['start', 'stopped']);
    expect(gateway().requests).toHaveLength(1);
  });

  it('ends the loop with the error of a failed model call, and result rejects with it', async () => {
    const tool = defineTool({ name: 'get_weather', execute: () => 'sunny' });
    const run = runTools({
      client: client({ route: 'native', headers: { 'x-mock-fault': '400' } }),
      model: 'gemini-2.5-flash',
      input: 'Use get_weather.',
      tools: [tool],
      stream: true,
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of run) seen.push(event.type);
    })().catch((caught: unknown) => caught);
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(seen).toEqual(['step-start']);
    await expect(run.result).rejects.toBe(error);
  });
});
