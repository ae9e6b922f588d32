import { ResponseValidationError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { createPartialArgsBuilder } from './apply-partial-args.js';

describe('createPartialArgsBuilder', () => {
  it('appends a string only after a piece of the same path said willContinue', () => {
    const builder = createPartialArgsBuilder();
    builder.add({ jsonPath: '$.city', stringValue: 'Bos', willContinue: true });
    builder.add({ jsonPath: '$.city', stringValue: 'ton' });
    builder.add({ jsonPath: '$.city', stringValue: 'Paris' });
    expect(builder.args).toEqual({ city: 'Paris' });
  });

  it('follows dotted names, quoted names and array indexes, and keeps args it started with', () => {
    const builder = createPartialArgsBuilder({ args: { kept: 1 } });
    builder.add({ jsonPath: '$.a.b[1]', numberValue: 2 });
    builder.add({ jsonPath: '$["with space"]', boolValue: true });
    builder.add({ jsonPath: "$.a['it\\'s']", nullValue: 'NULL_VALUE' });
    expect(builder.args).toEqual({ kept: 1, a: { b: [undefined, 2], "it's": null }, 'with space': true });
  });

  it('refuses a path it cannot follow with a typed error', () => {
    const builder = createPartialArgsBuilder();
    let caught: unknown;
    try {
      builder.add({ jsonPath: '$..deep', stringValue: 'x' });
    } catch (error) {
      caught = error;
    }
    expect(ResponseValidationError.isInstance(caught)).toBe(true);
  });
});
