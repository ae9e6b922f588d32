import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { checkCachedContent } from './check-cached-content.js';

const cached = { google: { cached_content: 'cachedContents/abc' } };
const user = { role: 'user' as const, content: 'Hi' };

function argumentOf(params: Parameters<typeof checkCachedContent>[0]['params']): string | undefined {
  try {
    checkCachedContent({ params });
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error.argument;
    throw error;
  }
  return undefined;
}

describe('checkCachedContent', () => {
  it('accepts a cached request of user turns, and anything without a cache', () => {
    expect(argumentOf({ messages: [user], extra_body: cached })).toBeUndefined();
    expect(argumentOf({ messages: [{ role: 'system', content: 'Be brief.' }, user] })).toBeUndefined();
  });

  it('rejects a system or developer message, or tools, next to an explicit cache', () => {
    expect(argumentOf({ messages: [user, { role: 'developer', content: 'x' }], extra_body: cached })).toBe(
      'messages.1',
    );
    expect(
      argumentOf({
        messages: [user],
        tools: [{ type: 'function', function: { name: 'f' } }],
        extra_body: cached,
      }),
    ).toBe('tools');
  });
});
