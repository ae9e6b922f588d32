import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateContentResponseSchema } from './response-schemas.js';
import { StreamAccumulator } from './stream-accumulator.js';
import { validateResponse } from './validate-response.js';
import type { GenerateContentResponseBody, Part } from './wire-types.js';

function fold(chunks: GenerateContentResponseBody[]) {
  const accumulator = new StreamAccumulator();
  for (const chunk of chunks) accumulator.add(chunk);
  return accumulator.result();
}

describe('StreamAccumulator', () => {
  it('concatenates text of the same kind and keeps thoughts apart', () => {
    const result = fold([
      { candidates: [{ content: { role: 'model', parts: [{ text: 'thin', thought: true }] } }] },
      { candidates: [{ content: { role: 'model', parts: [{ text: 'king', thought: true }] } }] },
      { candidates: [{ content: { role: 'model', parts: [{ text: 'Hel' }] } }] },
      { candidates: [{ content: { role: 'model', parts: [{ text: 'lo' }] }, finishReason: 'STOP' }] },
    ]);
    expect(result.candidates?.[0]?.content?.parts).toEqual([
      { text: 'thinking', thought: true },
      { text: 'Hello' },
    ]);
  });

  it('keeps candidates apart by index, in index order, even with a stray huge index', () => {
    // With a sparse array, folding this took long enough to hit the test timeout.
    const result = fold([
      { candidates: [{ index: 1_000_000_000, content: { parts: [{ text: 'far' }] } }] },
      { candidates: [{ index: 1, content: { parts: [{ text: 'B' }] } }] },
      { candidates: [{ index: 0, content: { parts: [{ text: 'A' }] } }] },
      { candidates: [{ index: 1, content: { parts: [{ text: 'b' }] } }] },
    ]);
    expect(result.candidates?.map((candidate) => candidate.index)).toEqual([0, 1, 1_000_000_000]);
    expect(result.candidates?.map((candidate) => candidate.content?.parts?.[0]?.text)).toEqual([
      'A',
      'Bb',
      'far',
    ]);
  });

  it('keeps reading after STOP: code-execution parts that follow are kept and the last finish reason wins', () => {
    const result = fold([
      { candidates: [{ content: { parts: [{ text: 'Let me compute.' }] }, finishReason: 'STOP' }] },
      {
        candidates: [{ content: { parts: [{ executableCode: { language: 'PYTHON', code: 'print(2)' } }] } }],
      },
      {
        candidates: [
          { content: { parts: [{ codeExecutionResult: { outcome: 'OUTCOME_OK', output: '2' } }] } },
        ],
      },
      { candidates: [{ content: { parts: [{ text: 'It is 2.' }] }, finishReason: 'STOP' }] },
    ]);
    const candidate = result.candidates?.[0];
    expect(candidate?.content?.parts).toHaveLength(4);
    expect(candidate?.content?.parts?.[3]).toEqual({ text: 'It is 2.' });
    expect(candidate?.finishReason).toBe('STOP');
  });

  it('keeps a last chunk that is an empty text part holding only a thoughtSignature, in place', () => {
    const result = fold([
      { candidates: [{ content: { role: 'model', parts: [{ text: 'Answer' }] } }] },
      {
        candidates: [
          {
            content: { role: 'model', parts: [{ text: '', thoughtSignature: 'c2ln' }] },
            finishReason: 'STOP',
          },
        ],
      },
    ]);
    expect(result.candidates?.[0]?.content?.parts).toEqual([
      { text: 'Answer' },
      { text: '', thoughtSignature: 'c2ln' },
    ]);
  });

  it('takes the last usage snapshot rather than adding them up', () => {
    const result = fold([
      {
        candidates: [{ content: { parts: [{ text: 'a' }] } }],
        usageMetadata: { promptTokenCount: 10, totalTokenCount: 11 },
      },
      {
        candidates: [{ content: { parts: [{ text: 'b' }] } }],
        usageMetadata: { promptTokenCount: 10, totalTokenCount: 12 },
      },
    ]);
    expect(result.usageMetadata).toEqual({ promptTokenCount: 10, totalTokenCount: 12 });
  });

  it('folds a prompt block (no candidates) into a body with promptFeedback only', () => {
    expect(fold([{ promptFeedback: { blockReason: 'SAFETY' } }])).toEqual({
      promptFeedback: { blockReason: 'SAFETY' },
    });
  });

  it('does not alter the chunks it was given', () => {
    const first = { candidates: [{ content: { parts: [{ text: 'a' }] } }] };
    fold([first, { candidates: [{ content: { parts: [{ text: 'b' }] } }] }]);
    expect(first.candidates[0]?.content.parts).toEqual([{ text: 'a' }]);
  });
});

/** The `data:` events of a `.chunks.txt` fixture, checked the way the client checks each chunk. */
function fixtureChunks(name: string): GenerateContentResponseBody[] {
  const text = readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
  return text
    .split(/\r?\n\r?\n/)
    .filter((event) => event.startsWith('data: '))
    .map((event) =>
      validateResponse<GenerateContentResponseBody>({
        schema: generateContentResponseSchema,
        body: JSON.parse(event.slice('data: '.length)),
        what: 'streamGenerateContent chunk',
      }),
    );
}

describe('StreamAccumulator, with Vertex AI streamed function-call arguments', () => {
  it('accepts the nameless partialArgs chunks and folds them into one complete call, signature in place', () => {
    const result = fold(fixtureChunks('vertex-partial-args.chunks.txt'));
    expect(result.candidates?.[0]?.content?.parts).toEqual([
      {
        functionCall: {
          name: 'save_article',
          args: {
            title: 'Streaming arguments',
            body: 'Long text.',
            tags: ['gemini', 'vertex'],
            draft: false,
            words: 2,
            meta: { 'reviewed by': null },
          },
        },
        thoughtSignature: 'c2lnLXZ0eC0x',
      },
      { text: '' },
    ]);
    expect(result.candidates?.[0]?.finishReason).toBe('STOP');
  });

  it('keeps two streamed calls apart, and a whole call after them as it came', () => {
    const piece = (functionCall: Record<string, unknown>) => ({
      candidates: [{ content: { parts: [{ functionCall }] } }],
    });
    const result = fold([
      piece({ name: 'a', willContinue: true }),
      piece({ partialArgs: [{ jsonPath: '$.x', numberValue: 1 }] }),
      piece({
        name: 'b',
        id: 'call-b',
        partialArgs: [{ jsonPath: '$.y', stringValue: 'z' }],
        willContinue: true,
      }),
      piece({ partialArgs: [{ jsonPath: '$.list[0].name', stringValue: 'n' }] }),
      piece({ name: 'c', args: { whole: true } }),
    ]);
    expect(result.candidates?.[0]?.content?.parts).toEqual([
      { functionCall: { name: 'a', args: { x: 1 } } },
      { functionCall: { name: 'b', id: 'call-b', args: { y: 'z', list: [{ name: 'n' }] } } },
      { functionCall: { name: 'c', args: { whole: true } } },
    ]);
  });

  it('raises a typed error when two pieces need different shapes at one path', () => {
    const accumulator = new StreamAccumulator();
    accumulator.add({
      candidates: [
        {
          content: {
            parts: [
              {
                functionCall: {
                  name: 'a',
                  partialArgs: [{ jsonPath: '$.x', stringValue: 's' }],
                  willContinue: true,
                },
              },
            ],
          },
        },
      ],
    });
    expect(() =>
      accumulator.add({
        candidates: [
          {
            content: { parts: [{ functionCall: { partialArgs: [{ jsonPath: '$.x.y', numberValue: 1 }] } }] },
          },
        ],
      }),
    ).toThrow(expect.objectContaining({ name: 'ResponseValidationError' }));
  });
});

describe('StreamAccumulator, for any split of the stream', () => {
  it('rebuilds the text and thoughts and keeps every signed part where it arrived', () => {
    const partArbitrary = fc.oneof(
      fc.record({ text: fc.string() }),
      fc.record({ text: fc.string(), thought: fc.constant(true) }),
      fc.record({ text: fc.string(), thoughtSignature: fc.base64String({ minLength: 4, maxLength: 12 }) }),
      fc.record({ functionCall: fc.record({ name: fc.constantFrom('a', 'b') }) }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(partArbitrary, { maxLength: 3 }), { maxLength: 8 }), (chunkParts) => {
        const result = fold(
          chunkParts.map((parts) => ({ candidates: [{ content: { role: 'model', parts } }] })),
        );
        const all: Part[] = chunkParts.flat();
        const merged = result.candidates?.[0]?.content?.parts ?? [];
        const textOf = (parts: Part[], thought: boolean) =>
          parts
            .filter((part) => 'text' in part && 'thought' in part === thought)
            .map((part) => part.text)
            .join('');
        expect(textOf(merged, false)).toBe(textOf(all, false));
        expect(textOf(merged, true)).toBe(textOf(all, true));
        const signed = (parts: Part[]) => parts.filter((part) => 'thoughtSignature' in part);
        expect(signed(merged)).toEqual(signed(all));
        expect(merged.filter((part) => 'functionCall' in part)).toEqual(
          all.filter((part) => 'functionCall' in part),
        );
      }),
    );
  });
});
