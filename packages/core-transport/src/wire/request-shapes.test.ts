import { describe, expect, it } from 'vitest';
import { binarySource } from '../binary-slot.js';
import { generateContentRequestShape } from './gemini-request.js';
import { chatCompletionRequestShape } from './openai-request.js';

async function* bytes() {
  yield new Uint8Array([1, 2, 3]);
}

describe('generateContentRequestShape', () => {
  const request = (inlineData: unknown) => ({ contents: [{ role: 'user', parts: [{ inlineData }] }] });
  const accepts = (body: unknown) => generateContentRequestShape.schema.safeParse(body).success;

  it('takes inline data as base64 text or as a BinarySlot without prefix', () => {
    expect(accepts(request({ mimeType: 'image/png', data: 'AAEC' }))).toBe(true);
    expect(
      accepts(request({ mimeType: 'image/png', data: binarySource({ byteLength: 3, open: bytes }) })),
    ).toBe(true);
    expect(
      accepts(
        request({
          mimeType: 'image/png',
          data: binarySource({ byteLength: 3, open: bytes, prefix: 'data:image/png;base64,' }),
        }),
      ),
    ).toBe(false);
  });

  it('requires the mimeType the upstream needs in a request', () => {
    expect(accepts(request({ data: 'AAEC' }))).toBe(false);
  });
});

describe('chatCompletionRequestShape', () => {
  const withPart = (part: unknown) => ({
    model: 'gemini-2.5-flash',
    messages: [{ role: 'user', content: [part] }],
  });
  const parse = (body: unknown) => chatCompletionRequestShape.schema.safeParse(body);

  it('takes an image as a URL, a data URL or a BinarySlot with a data-URL prefix', () => {
    const slot = binarySource({ byteLength: 3, open: bytes, prefix: 'data:image/png;base64,' });
    for (const url of ['https://example.com/a.png', 'data:image/png;base64,AAEC', slot]) {
      expect(parse(withPart({ type: 'image_url', image_url: { url } })).success).toBe(true);
    }
  });

  it('says what to change for an image given as a bare path', () => {
    const result = parse(withPart({ type: 'image_url', image_url: { url: '/tmp/a.png' } }));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('use an http(s) URL or a base64 data URL');
  });

  it('takes messages of every role, and keeps unknown fields', () => {
    const body = {
      model: 'gemini-2.5-flash',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'Really.' }] },
        { role: 'user', content: 'Weather?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'c1',
              type: 'function',
              function: { name: 'weather', arguments: '{}' },
              extra_content: { google: { thought_signature: 'c2ln' } },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'c1', content: '{"sunny":true}' },
      ],
      tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object' } } }],
      tool_choice: 'auto',
      response_format: { type: 'json_object' },
      reasoning_effort: 'low',
      extra_body: { google: { thinking_config: { thinking_budget: 1024 } } },
      seed: 7,
    };
    const result = parse(body);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ seed: 7 });
  });
});
