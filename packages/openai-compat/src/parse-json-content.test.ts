import { ResponseValidationError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonContent } from './parse-json-content.js';

describe('parseJsonContent', () => {
  it.each([
    ['bare', '{"a":1}'],
    ['in a json fence', '```json\n{"a":1}\n```'],
    ['in a plain fence with spaces around', '  ```\n{"a":1}```  '],
  ])('parses JSON %s', (_label, content) => {
    expect(parseJsonContent({ content, schema: undefined })).toEqual({ a: 1 });
  });

  it('names the field that does not match the schema, and keeps the parsed value', () => {
    let caught: unknown;
    try {
      parseJsonContent({ content: '{"a":{"b":"x"}}', schema: z.object({ a: z.object({ b: z.number() }) }) });
    } catch (error) {
      caught = error;
    }
    expect(ResponseValidationError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ path: 'choices.0.message.content:a.b', responseBody: { a: { b: 'x' } } });
  });

  it('returns the schema’s output (defaults applied)', () => {
    const schema = z.object({ a: z.number(), b: z.string().default('x') });
    expect(parseJsonContent({ content: '{"a":1}', schema })).toEqual({ a: 1, b: 'x' });
  });

  it('raises ResponseValidationError with the raw text for an answer that is not JSON', () => {
    expect(() => parseJsonContent({ content: 'Sure! Here it is.', schema: undefined })).toThrow(
      expect.objectContaining({ responseBody: 'Sure! Here it is.' }),
    );
  });
});
