import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { isZodSchema } from './is-zod-schema.js';

describe('isZodSchema', () => {
  it('tells zod schemas (classic and mini) from JSON Schema objects', () => {
    expect(isZodSchema(z.string())).toBe(true);
    expect(isZodSchema(zm.object({ a: zm.string() }))).toBe(true);
    expect(isZodSchema({ type: 'string' })).toBe(false);
    expect(isZodSchema({ _zod: 1 })).toBe(false);
    expect(isZodSchema(null)).toBe(false);
  });
});
