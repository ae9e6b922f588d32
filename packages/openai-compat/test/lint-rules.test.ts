import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import type { ChatCompletionCreateParams } from '../src/index.js';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();

function client({ fix = false }: { fix?: boolean } = {}) {
  const warnings: string[] = [];
  const created = mock.client({
    logger: { debug: () => {}, warn: (message) => warnings.push(message) },
    ...(fix ? { lint: { fix: true } } : {}),
  });
  return { client: created, warnings };
}

async function refusal(run: Promise<unknown>): Promise<InvalidArgumentError> {
  try {
    await run;
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

const hi = [{ role: 'user' as const, content: 'Hi' }];

/** Each rule: refused before sending, then with lint.fix the adjusted body the mock received. */
const fixableRules: {
  rule: string;
  params: ChatCompletionCreateParams;
  argument: string;
  sent: (body: Record<string, any>) => void;
}[] = [
  {
    rule: 'minimal refused on 3.8 Flash (thinking_config)',
    params: {
      model: 'gemini-3.8-flash',
      messages: hi,
      extra_body: { google: { thinking_config: { thinking_level: 'minimal' } } },
    },
    argument: 'extra_body.google.thinking_config.thinking_level',
    sent: (body) => expect(body.extra_body.google.thinking_config).toEqual({ thinking_level: 'low' }),
  },
  {
    rule: 'minimal refused on 3.8 Flash (reasoning_effort)',
    params: { model: 'gemini-3.8-flash', messages: hi, reasoning_effort: 'minimal' },
    argument: 'reasoning_effort',
    sent: (body) => expect(body.reasoning_effort).toBe('low'),
  },
  {
    rule: 'xhigh refused below Gemini 4',
    params: { model: 'gemini-3.1-pro-preview', messages: hi, reasoning_effort: 'xhigh' },
    argument: 'reasoning_effort',
    sent: (body) => expect(body.reasoning_effort).toBe('high'),
  },
  {
    rule: 'thinking_budget refused on Gemini 4',
    params: {
      model: 'gemini-4-argon',
      messages: hi,
      extra_body: { google: { thinking_config: { thinking_budget: 4096 } } },
    },
    argument: 'extra_body.google.thinking_config.thinking_budget',
    sent: (body) => expect(body.extra_body?.google?.thinking_config ?? {}).toEqual({}),
  },
  {
    rule: 'max_tokens above the limit',
    params: { model: 'gemini-3-pro-preview', messages: hi, max_tokens: 100_000 },
    argument: 'max_tokens',
    sent: (body) => expect(body.max_tokens).toBe(65_536),
  },
];

describe('the request linter on the OpenAI route', () => {
  it.each(fixableRules)('$rule: refused before sending, naming the model', async ({ params, argument }) => {
    const error = await refusal(client().client.chat.completions.create(params));
    expect(error.argument).toBe(argument);
    expect(error.message).toContain(params.model);
    expect(error.message).toContain('lint: { fix: true }');
    expect(mock.gateway.requests).toHaveLength(0);
  });

  it.each(fixableRules)('$rule: adjusted with a warning under lint.fix', async ({ params, sent }) => {
    const { client: fixing, warnings } = client({ fix: true });
    const given = structuredClone(params);
    await fixing.chat.completions.create(params);
    expect(mock.gateway.requests).toHaveLength(1);
    sent(mock.lastBody());
    expect(warnings.some((warning) => warning.includes('Adjusted (lint.fix)'))).toBe(true);
    expect(params).toEqual(given);
  });

  it('refuses an explicit cache on Gemini 4, even under lint.fix', async () => {
    for (const fix of [false, true]) {
      const error = await refusal(
        client({ fix }).client.chat.completions.create({
          model: 'gemini-4-argon',
          messages: hi,
          extra_body: { google: { cached_content: 'cachedContents/abc' } },
        }),
      );
      expect(error.argument).toBe('extra_body.google.cached_content');
    }
    expect(mock.gateway.requests).toHaveLength(0);
  });

  it('warns on sampling, several choices and a prefilled assistant turn on Gemini 3+, and sends them', async () => {
    const { client: warned, warnings } = client();
    await warned.chat.completions.create({
      model: 'gemini-3.8-flash',
      messages: [...hi, { role: 'assistant', content: 'Well,' }],
      temperature: 0.4,
      top_p: 0.9,
      n: 2,
    });
    expect(mock.lastBody()).toMatchObject({ temperature: 0.4, top_p: 0.9, n: 2 });
    expect(warnings).toEqual([
      expect.stringContaining('temperature'),
      expect.stringContaining('topP'),
      expect.stringContaining('one candidate'),
      expect.stringContaining('prefilled model turn'),
    ]);
  });

  it('removes sampling and extra choices under lint.fix', async () => {
    await client({ fix: true }).client.chat.completions.create({
      model: 'gemini-4-argon',
      messages: hi,
      temperature: 0.4,
      n: 3,
    });
    expect(mock.lastBody().temperature).toBeUndefined();
    expect(mock.lastBody().n).toBeUndefined();
  });

  it('reports a retired id and sends it as given', async () => {
    const { client: warned, warnings } = client({ fix: true });
    await warned.chat.completions.create({ model: 'gemini-3.5-flash', messages: hi });
    expect(mock.lastBody().model).toBe('gemini-3.5-flash');
    expect(warnings).toEqual([expect.stringContaining('Google answers it with gemini-3.6-flash')]);
  });

  it('accepts 2.5 ids (the guide examples) with one deprecation note per client', async () => {
    const { client: warned, warnings } = client();
    for (const model of ['gemini-2.5-flash', 'gemini-2.5-flash', 'gemini-2.5-flash-nothink']) {
      await warned.chat.completions.create({ model, messages: hi });
    }
    expect(mock.gateway.requests).toHaveLength(3);
    expect(
      warnings.filter((warning) => warning.includes('gemini-2.5-flash: Google has retired')),
    ).toHaveLength(1);
  });

  it('sends unknown models unchecked', async () => {
    const { client: warned, warnings } = client();
    await warned.chat.completions.create({ model: 'gemini-3.8-live', messages: hi, max_tokens: 9_000_000 });
    expect(mock.gateway.requests).toHaveLength(1);
    expect(warnings).toEqual([]);
  });
});
