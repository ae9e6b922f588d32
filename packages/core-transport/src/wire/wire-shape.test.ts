import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineWireShape } from './wire-shape.js';

describe('defineWireShape', () => {
  it('builds its schema on first read only, and once', () => {
    const build = vi.fn(() => z.looseObject({ name: z.string() }));
    const shape = defineWireShape({ build });
    expect(build).not.toHaveBeenCalled();
    const first = shape.schema;
    expect(shape.schema).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
  });
});
