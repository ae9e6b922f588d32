import { binarySource, InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkRequestValues } from './check-request-values.js';

function argumentOf(params: unknown): string | undefined {
  try {
    checkRequestValues({ params });
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error.argument;
    throw error;
  }
  return undefined;
}

describe('checkRequestValues', () => {
  it('names a BigInt, a cycle or NaN by its field from the top', () => {
    const loop: Record<string, unknown> = {};
    loop.back = loop;
    expect(argumentOf({ model: 'm', seed: 1n })).toBe('seed');
    expect(argumentOf({ model: 'm', metadata: { loop } })).toBe('metadata.loop.back');
    expect(argumentOf({ model: 'm', temperature: Number.NaN })).toBe('temperature');
  });

  it('leaves zod schemas and BinarySlots to the steps that write them', () => {
    const data = binarySource({ byteLength: 1, open: async function* () {} });
    expect(
      argumentOf({
        model: 'm',
        messages: [
          { role: 'user', content: [{ type: 'input_audio', input_audio: { data, format: 'wav' } }] },
        ],
        tools: [{ type: 'function', function: { name: 'f', parameters: z.object({ n: z.number() }) } }],
        response_format: { type: 'json_schema', json_schema: { name: 'r', schema: z.string() } },
      }),
    ).toBeUndefined();
  });
});
