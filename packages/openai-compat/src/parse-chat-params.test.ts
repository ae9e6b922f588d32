import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { parseChatParams } from './parse-chat-params.js';

const model = 'gemini-2.5-flash';

function failure(params: unknown): InvalidArgumentError {
  try {
    parseChatParams({ params });
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('parseChatParams', () => {
  it('accepts text, image (URL and data URL), audio and file parts', () => {
    const params = parseChatParams({
      params: {
        model,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is in these?' },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low' } },
              { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
              {
                type: 'file',
                file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' },
              },
            ],
          },
        ],
      },
    });
    expect(params.messages[0]).toMatchObject({ role: 'user' });
  });

  it('keeps parameters it does not know, to pass them through', () => {
    const params = parseChatParams({
      params: { model, messages: [{ role: 'user', content: 'Hi' }], seed: 7, logit_bias: { 1: 2 } },
    });
    expect(params).toMatchObject({ seed: 7, logit_bias: { 1: 2 } });
  });

  it('names the field of a bad image URL', () => {
    const error = failure({
      model,
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: '/tmp/cat.png' } }] }],
    });
    expect(error.argument).toBe('messages.0.content.0.image_url.url');
    expect(error.message).toContain('data URL');
  });

  it('names the field inside a content part, not just the content, when a part is mis-shaped', () => {
    const wrongShape = failure({
      model,
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: 'https://example.com/a.png' }] }],
    });
    expect(wrongShape.argument).toBe('messages.0.content.0.image_url');
    expect(wrongShape.message).toContain('expected object, received string');
    const wrongType = failure({
      model,
      messages: [
        { role: 'user', content: [{ type: 'image', image_url: { url: 'https://example.com/a.png' } }] },
      ],
    });
    expect(wrongType.argument).toBe('messages.0.content.0.type');
    expect(wrongType.message).toContain("'image_url'");
  });

  it('names an unknown role', () => {
    const error = failure({ model, messages: [{ role: 'robot', content: 'Hi' }] });
    expect(error.argument).toBe('messages.0.role');
  });

  it('rejects an empty message list and a missing model', () => {
    expect(failure({ model, messages: [] }).argument).toBe('messages');
    expect(failure({ messages: [{ role: 'user', content: 'Hi' }] }).argument).toBe('model');
  });

  it('rejects an unknown reasoning_effort and a file part without data', () => {
    expect(
      failure({ model, messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'extreme' }).argument,
    ).toBe('reasoning_effort');
    expect(
      failure({
        model,
        messages: [{ role: 'user', content: [{ type: 'file', file: { filename: 'a.pdf' } }] }],
      }).argument,
    ).toBe('messages.0.content.0.file');
  });

  it('keeps extra_content on assistant tool calls in history', () => {
    const params = parseChatParams({
      params: {
        model,
        messages: [
          { role: 'user', content: 'Hi' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_1',
                type: 'function',
                function: { name: 'f', arguments: '{}' },
                extra_content: { google: { thought_signature: 'sig' } },
              },
            ],
          },
          { role: 'tool', tool_call_id: 'call_1', content: '{"ok":true}' },
        ],
      },
    });
    expect(params.messages[1]).toMatchObject({
      tool_calls: [{ extra_content: { google: { thought_signature: 'sig' } } }],
    });
  });
});
