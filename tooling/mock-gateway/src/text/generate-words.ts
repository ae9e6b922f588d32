import { type Random, randomInt } from './hash.js';

// A fixed vocabulary keeps generated text readable in test failures and stable across versions.
const vocabulary = [
  'gemini',
  'answer',
  'gateway',
  'model',
  'token',
  'stream',
  'signal',
  'result',
  'value',
  'context',
  'request',
  'reply',
  'simple',
  'clear',
  'steady',
  'careful',
  'quick',
  'useful',
  'plain',
  'exact',
  'the',
  'a',
  'of',
  'and',
  'with',
  'for',
  'in',
  'on',
  'to',
  'from',
  'is',
  'was',
  'it',
  'this',
  'each',
  'every',
  'some',
  'more',
  'less',
  'first',
  'last',
  'next',
  'then',
  'now',
  'here',
  'there',
  'idea',
  'point',
  'step',
  'reason',
  'note',
  'part',
  'line',
  'word',
  'fact',
  'rule',
  'case',
  'test',
] as const;

/**
 * Generates `wordCount` words as sentences: capitalised, ending in a full stop every 6–12 words.
 */
export function generateWords({ random, wordCount }: { random: Random; wordCount: number }): string {
  const sentences: string[] = [];
  let words: string[] = [];
  let sentenceLength = randomInt({ random, min: 6, max: 12 });
  for (let index = 0; index < wordCount; index++) {
    words.push(vocabulary[Math.floor(random() * vocabulary.length)]!);
    if (words.length === sentenceLength || index === wordCount - 1) {
      const sentence = words.join(' ');
      sentences.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
      words = [];
      sentenceLength = randomInt({ random, min: 6, max: 12 });
    }
  }
  return sentences.join(' ');
}
