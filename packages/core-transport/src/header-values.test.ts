import { describe, expect, it } from 'vitest';
import { useTestTransports } from '../test/server.js';
import { InvalidArgumentError } from './errors.js';
import { resolveBaseURL } from './resolve-config.js';

const { server, transport } = useTestTransports({
  defaults: {
    auth: 'goog-api-key',
    env: {},
    // Retries would show as more than one request, and as a second of backoff.
    maxRetries: 2,
  },
});

const generate = { method: 'POST', path: 'models/gemini-2.5-flash:generateContent', body: {} } as const;

async function failure(promise: Promise<unknown>): Promise<InvalidArgumentError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(InvalidArgumentError.isInstance(error)).toBe(true);
  return error as InvalidArgumentError;
}

describe('a header HTTP cannot carry is the caller’s mistake, reported before sending', () => {
  const keys = {
    'a zero-width space': 'AIzaSyExample\u200bKey0123456789abcdef',
    'a newline inside': 'sk-first-half\nsecond-half-0123',
    'a smart quote': '\u2018sk-quoted-key-0123456789',
  };

  for (const [what, apiKey] of Object.entries(keys)) {
    it(`an API key with ${what}: InvalidArgumentError naming the header, never showing the key`, async () => {
      const error = await failure(transport({ apiKey }).request(generate));
      expect(error.argument).toBe('apiKey');
      expect(error.message).toContain('x-goog-api-key');
      expect(error.isRetryable).toBe(false);
      const shown = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`;
      for (const piece of apiKey.split(/[\u200b\n\u2018]/)) {
        if (piece.length >= 6) expect(shown).not.toContain(piece);
      }
      expect(server.requests).toHaveLength(0);
    });
  }

  it('a header option or a per-call header with a control or non-Latin-1 character', async () => {
    const withHeader = transport({ apiKey: 'sk-good-key-0123456789', headers: { 'X-Trace': 'a\r\nb' } });
    const first = await failure(withHeader.request(generate));
    expect(first.argument).toBe('headers.x-trace');
    expect(first.message).toContain('"x-trace"');
    expect(first.message).toContain('U+000D');

    const perCall = transport({ apiKey: 'sk-good-key-0123456789' });
    const second = await failure(
      perCall.request({ ...generate, headers: { 'x-note': 'caf\u00e9 \u201cquoted\u201d' } }),
    );
    expect(second.argument).toBe('headers.x-note');
    expect(second.message).toContain('smart quote');

    const badName = await failure(perCall.request({ ...generate, headers: { 'x trace': 'a' } }));
    expect(badName.message).toContain('not a valid HTTP header name');

    const appCode = await failure(
      transport({ apiKey: 'sk-good-key-0123456789', appCode: 'ABC\u200b1' }).request(generate),
    );
    expect(appCode.argument).toBe('appCode');
    expect(server.requests).toHaveLength(0);
  });

  it('Latin-1 letters in a header value are sent as they are', async () => {
    server.handle((_request, response) => response.end('{}'));
    await transport({ apiKey: 'sk-good-key-0123456789' }).request({
      ...generate,
      headers: { 'x-note': 'caf\u00e9' },
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('a base URL that is not http(s) is refused at once', () => {
  it('createTransport and resolveBaseURL both say to use https://', () => {
    for (const baseURL of ['ftp://aihubmix.com/gemini', 'file:///etc/gemini', 'ws://aihubmix.com/v1']) {
      let caught: unknown;
      try {
        transport({ baseURL, apiKey: 'sk-good-key-0123456789' });
      } catch (error) {
        caught = error;
      }
      expect(InvalidArgumentError.isInstance(caught), baseURL).toBe(true);
      expect((caught as InvalidArgumentError).argument).toBe('baseURL');
      expect((caught as Error).message).toContain('https://');
      expect(() => resolveBaseURL({ baseURL, route: 'native', env: {} })).toThrow(/https:\/\//);
    }
  });

  it('never quotes a key pasted into the URL', () => {
    const key = 'sk-pasted-into-url-0123456789';
    expect(() => transport({ baseURL: `ftp://h/?key=${key}`, apiKey: key })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(key) }),
    );
  });
});
