import { describe, expect, it } from 'vitest';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
const messages = [{ role: 'user' as const, content: 'Plan a picnic.' }];

describe('thinking settings on Gemini 3 through the OpenAI route', () => {
  it.each(['HIGH', 'high', 'LOW', 'low'])(
    'accepts extra_body.google.thinking_config.thinking_level %s and sends it lower case',
    async (level) => {
      const client = mock.client();
      const completion = await client.chat.completions.create({
        model: 'gemini-3-pro-preview',
        messages,
        extra_body: { google: { thinking_config: { thinking_level: level, include_thoughts: true } } },
      });
      expect(mock.lastBody().extra_body.google.thinking_config.thinking_level).toBe(level.toLowerCase());
      expect(completion.text.length).toBeGreaterThan(0);
    },
  );

  it.each(['minimal', 'low', 'medium', 'high'] as const)('accepts reasoning_effort %s', async (effort) => {
    const client = mock.client();
    const completion = await client.chat.completions.create({
      model: 'gemini-3-flash-preview',
      messages,
      reasoning_effort: effort,
    });
    expect(mock.lastBody().reasoning_effort).toBe(effort);
    expect(completion.text.length).toBeGreaterThan(0);
  });
});
