import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateContentResponseShape } from './gemini-response.js';
import { chatCompletionChunkShape } from './openai-response.js';

const absent = Symbol('absent');

/** A value of the wrong kind for most fields. */
const wrong = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('12'),
  fc.string({ maxLength: 2 }),
  fc.constant([]),
  fc.constant({}),
  fc.constant(Number.NaN),
);

/** Mostly the right kind, sometimes wrong: bodies near the common form, where a fast path errs. */
function mostly(good: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: wrong, weight: 1 });
}

/**
 * An object whose keys are each left out with the given weight against 4 for present (0: always
 * there, 4: half the time, 20: rarely), values from their arbitraries.
 */
function objectOf(
  fields: Record<string, [fc.Arbitrary<unknown>, number]>,
): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([key, [arbitrary, absentWeight]]) =>
    fc
      .oneof({ arbitrary: fc.constant(absent), weight: absentWeight }, { arbitrary, weight: 4 })
      .map((value) => [key, value] as const),
  );
  return fc
    .tuple(...entries)
    .map((pairs) => Object.fromEntries(pairs.filter(([, value]) => value !== absent)));
}

const text = fc.string({ maxLength: 3 });
const count = fc.oneof(fc.nat(), fc.constant('12'));

const functionCall = objectOf({
  name: [mostly(text), 0],
  id: [mostly(text), 8],
  args: [mostly(fc.dictionary(text, fc.jsonValue({ maxDepth: 1 }))), 4],
  partialArgs: [mostly(fc.array(objectOf({ jsonPath: [text, 0], stringValue: [mostly(text), 0] }))), 20],
  willContinue: [mostly(fc.boolean()), 20],
});
const part = objectOf({
  text: [mostly(text), 4],
  thought: [mostly(fc.boolean()), 8],
  thoughtSignature: [mostly(text), 12],
  functionCall: [mostly(functionCall), 12],
  inlineData: [mostly(objectOf({ mimeType: [text, 4], data: [mostly(text), 0] })), 28],
  unknownField: [wrong, 20],
});
const candidate = objectOf({
  content: [
    mostly(
      objectOf({ role: [mostly(text), 4], parts: [mostly(fc.array(mostly(part), { maxLength: 3 })), 0] }),
    ),
    0,
  ],
  finishReason: [mostly(text), 8],
  index: [mostly(fc.nat()), 4],
  safetyRatings: [mostly(fc.array(fc.constant({}))), 28],
  unknownField: [wrong, 20],
});
const usage = objectOf({
  promptTokenCount: [mostly(count), 0],
  totalTokenCount: [mostly(count), 0],
  thoughtsTokenCount: [mostly(count), 8],
  promptTokensDetails: [
    mostly(fc.array(objectOf({ modality: [mostly(text), 0], tokenCount: [mostly(count), 0] }))),
    8,
  ],
  serviceTier: [mostly(text), 12],
  unknownField: [wrong, 20],
});
const nativeChunk = objectOf({
  candidates: [mostly(fc.array(mostly(candidate), { maxLength: 3 })), 0],
  usageMetadata: [mostly(usage), 4],
  modelVersion: [mostly(text), 4],
  responseId: [mostly(text), 4],
  promptFeedback: [mostly(objectOf({ blockReason: [text, 0] })), 28],
  unknownField: [wrong, 20],
});

const nullableText = fc.oneof(text, fc.constant(null));
const delta = objectOf({
  role: [mostly(text), 8],
  content: [mostly(nullableText), 0],
  reasoning_content: [mostly(nullableText), 12],
  tool_calls: [
    mostly(fc.array(objectOf({ index: [fc.nat(), 0], function: [objectOf({ arguments: [text, 0] }), 0] }))),
    20,
  ],
  unknownField: [wrong, 20],
});
const choice = objectOf({
  index: [mostly(fc.nat()), 0],
  delta: [mostly(delta), 1],
  finish_reason: [mostly(nullableText), 4],
  unknownField: [wrong, 20],
});
const chatUsage = objectOf({
  prompt_tokens: [mostly(fc.nat()), 1],
  completion_tokens: [mostly(fc.nat()), 1],
  total_tokens: [mostly(fc.nat()), 1],
  prompt_tokens_details: [
    mostly(fc.oneof(fc.constant(null), objectOf({ cached_tokens: [mostly(fc.nat()), 0] }))),
    8,
  ],
});
const chatChunk = objectOf({
  id: [mostly(text), 1],
  object: [mostly(text), 1],
  created: [mostly(fc.nat()), 1],
  model: [mostly(text), 1],
  choices: [mostly(fc.array(mostly(choice), { maxLength: 3 })), 1],
  usage: [mostly(fc.oneof(fc.constant(null), chatUsage)), 8],
  unknownField: [wrong, 20],
});

describe('the hand-written fast paths', () => {
  it('never vouch for a native chunk the zod schema refuses, and vouch for many near-common ones', () => {
    const shape = generateContentResponseShape;
    let vouched = 0;
    fc.assert(
      fc.property(nativeChunk, (body) => {
        if (!shape.isCommonShape?.(body)) return;
        vouched += 1;
        expect(shape.schema.safeParse(body).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // Otherwise the property above would hold by never being tested.
    expect(vouched).toBeGreaterThan(100);
  });

  it('never vouch for an OpenAI chunk the zod schema refuses, and vouch for many near-common ones', () => {
    const shape = chatCompletionChunkShape;
    let vouched = 0;
    fc.assert(
      fc.property(chatChunk, (body) => {
        if (!shape.isCommonShape?.(body)) return;
        vouched += 1;
        expect(shape.schema.safeParse(body).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(vouched).toBeGreaterThan(100);
  });

  it('vouch for the common chunks, so zod stays off the hot path', () => {
    expect(
      generateContentResponseShape.isCommonShape?.({
        candidates: [
          { content: { role: 'model', parts: [{ text: 'Hi', thoughtSignature: 'c2ln' }] }, index: 0 },
        ],
        usageMetadata: {
          promptTokenCount: 3,
          totalTokenCount: 5,
          promptTokensDetails: [{ modality: 'TEXT', tokenCount: 3 }],
        },
        modelVersion: 'gemini-2.5-flash',
        responseId: 'r',
      }),
    ).toBe(true);
    expect(
      chatCompletionChunkShape.isCommonShape?.({
        id: 'x',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }],
      }),
    ).toBe(true);
  });
});
