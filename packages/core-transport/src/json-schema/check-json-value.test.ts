import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { checkJsonValue } from './check-json-value.js';

function argumentOf({
  value,
  path = '',
  skip,
}: {
  value: unknown;
  path?: string;
  skip?: (value: object) => boolean;
}) {
  try {
    checkJsonValue({ value, path, skip });
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return { argument: error.argument, message: error.message };
    throw error;
  }
  return undefined;
}

describe('checkJsonValue', () => {
  it('names top-level fields without a leading dot when the path is empty', () => {
    expect(argumentOf({ value: { seed: 3n } })?.argument).toBe('seed');
    expect(argumentOf({ value: { messages: [{ content: [{ n: Number.NaN }] }] } })?.argument).toBe(
      'messages.0.content.0.n',
    );
  });

  it('says what a circular value is, outside schemas too', () => {
    const metadata: Record<string, unknown> = { a: 1 };
    metadata.self = metadata;
    const found = argumentOf({ value: { metadata } });
    expect(found?.argument).toBe('metadata.self');
    expect(found?.message).toMatch(/^metadata\.self refers back .*break the cycle/);
  });

  it('names the value itself when it is the offender at the top', () => {
    expect(argumentOf({ value: 1n })?.message).toMatch(/^The value is a BigInt/);
  });

  it('leaves out what skip says is written another way, and objects with their own toJSON', () => {
    const special = { write: () => 'x' };
    expect(argumentOf({ value: { special }, skip: (value) => value === special })).toBeUndefined();
    expect(argumentOf({ value: { special } })?.argument).toBe('special.write');
    expect(argumentOf({ value: { when: new Date(0), bytes: Buffer.from('ab') } })).toBeUndefined();
  });

  it('accepts the same object twice when it is not its own parent', () => {
    const shared = { type: 'string' };
    expect(argumentOf({ value: { a: shared, b: [shared, shared] } })).toBeUndefined();
  });
});
