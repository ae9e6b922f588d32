import {
  AuthenticationError,
  ConnectionError,
  InvalidArgumentError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '@gemgate/core-transport';
import { InvalidArgumentError as CommanderInvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { routeOfModel } from './chat-route.js';
import { maskSecret } from './mask-secret.js';
import { nativeConfigOf } from './native-route.js';
import { openAIParamsOf } from './openai-route.js';
import { parseNumberOption } from './parse-number-option.js';
import { exitCodeOf, reportError } from './report-error.js';
import { colorsEnabled } from './terminal.js';

describe('routeOfModel', () => {
  it('sends the gateway’s -nothink and -search ids to the OpenAI route, the rest to native', () => {
    expect(routeOfModel({ model: 'gemini-2.5-flash-nothink' })).toBe('openai');
    expect(routeOfModel({ model: 'gemini-3-pro-preview-search' })).toBe('openai');
    expect(routeOfModel({ model: 'gemini-2.5-flash' })).toBe('native');
  });
});

describe('maskSecret', () => {
  it('shows only the last four characters of a long key, nothing of a short one', () => {
    expect(maskSecret({ secret: 'sk-0123456789abcdefWXYZ' })).toBe('****WXYZ');
    expect(maskSecret({ secret: 'sk-short' })).toBe('****');
  });
});

describe('exitCodeOf', () => {
  it('maps each error family to its documented code', () => {
    expect(exitCodeOf({ error: new InvalidArgumentError('x') })).toBe(2);
    expect(exitCodeOf({ error: new AuthenticationError('x') })).toBe(3);
    expect(exitCodeOf({ error: new RateLimitError('x') })).toBe(4);
    expect(exitCodeOf({ error: new ConnectionError('x') })).toBe(5);
    expect(exitCodeOf({ error: new TimeoutError('x', { phase: 'total', timeoutMs: 1 }) })).toBe(5);
    expect(exitCodeOf({ error: new ServerError('x') })).toBe(6);
    expect(exitCodeOf({ error: new Error('x') })).toBe(1);
  });

  it('reportError prints one line with the key scrubbed', () => {
    const lines: string[] = [];
    const code = reportError({
      error: new Error('bad key sk-secret-value-123456'),
      write: (text) => lines.push(text),
      env: { AIHUBMIX_API_KEY: 'sk-secret-value-123456' },
    });
    expect(code).toBe(1);
    expect(lines.join('')).not.toContain('sk-secret-value-123456');
    expect(lines).toHaveLength(1);
  });
});

describe('parseNumberOption', () => {
  it('takes numbers in range and refuses the rest with the flag’s name', () => {
    const parse = parseNumberOption({ name: '--max-tokens', min: 1 });
    expect(parse('300')).toBe(300);
    expect(() => parse('0')).toThrow(CommanderInvalidArgumentError);
    expect(() => parse('1.5')).toThrow(/--max-tokens takes a whole number from 1/);
    expect(() => parse('')).toThrow(CommanderInvalidArgumentError);
  });
});

describe('colorsEnabled', () => {
  it('only on a terminal, never with NO_COLOR or TERM=dumb', () => {
    expect(colorsEnabled({ stream: { isTTY: true }, env: {} })).toBe(true);
    expect(colorsEnabled({ stream: { isTTY: false }, env: {} })).toBe(false);
    expect(colorsEnabled({ stream: { isTTY: true }, env: { NO_COLOR: '' } })).toBe(false);
    expect(colorsEnabled({ stream: { isTTY: true }, env: { TERM: 'dumb' } })).toBe(false);
  });
});

describe('request mapping', () => {
  it('native config from the chat flags', () => {
    expect(
      nativeConfigOf({ settings: { model: 'm', thinking: false, code: true, mediaResolution: 'low' } }),
    ).toEqual({
      thinkingConfig: { thinkingBudget: 0 },
      tools: [{ codeExecution: {} }],
      mediaResolution: 'MEDIA_RESOLUTION_LOW',
    });
  });

  it('OpenAI params from the chat flags, Gemini thinking under extra_body', () => {
    expect(
      openAIParamsOf({ settings: { model: 'm', thinkingBudget: 100, showThoughts: true, maxTokens: 5 } }),
    ).toEqual({
      max_tokens: 5,
      extra_body: { google: { thinking_config: { thinking_budget: 100, include_thoughts: true } } },
    });
  });
});
