import { describe, expect, it } from 'vitest';
import { generateContentResponseShape } from './gemini-response.js';

const accepts = (body: unknown) => generateContentResponseShape.schema.safeParse(body).success;

describe('generateContentResponseShape', () => {
  it('accepts Vertex streamed function-call arguments: partialArgs and no name', () => {
    expect(
      accepts({
        candidates: [
          {
            content: {
              role: 'model',
              parts: [
                {
                  functionCall: {
                    partialArgs: [
                      { jsonPath: '$.location', stringValue: 'Bos', willContinue: true },
                      { jsonPath: '$.days', numberValue: 3 },
                      { jsonPath: '$.metric', boolValue: true },
                      { jsonPath: '$.note', nullValue: 'NULL_VALUE' },
                    ],
                    willContinue: true,
                  },
                },
              ],
            },
          },
        ],
      }),
    ).toBe(true);
  });

  it('accepts a MAX_TOKENS answer whose content has a role and no parts, and inline data without mimeType', () => {
    expect(accepts({ candidates: [{ content: { role: 'model' }, finishReason: 'MAX_TOKENS' }] })).toBe(true);
    expect(accepts({ candidates: [{ content: { parts: [{ inlineData: { data: 'AAAA' } }] } }] })).toBe(true);
  });

  it('refuses a part whose text is not a string', () => {
    expect(accepts({ candidates: [{ content: { parts: [{ text: 1 }] } }] })).toBe(false);
  });
});
