import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createThoughtTagSplitter, splitThoughtTags } from './split-thought-tags.js';

describe('splitThoughtTags', () => {
  it('separates thoughts from the answer', () => {
    expect(splitThoughtTags({ content: '<thought>Think first.</thought>The answer.' })).toEqual({
      text: 'The answer.',
      reasoning: 'Think first.',
    });
  });

  it('leaves content without tags untouched', () => {
    expect(splitThoughtTags({ content: 'a < b and <b>bold</b>' })).toEqual({
      text: 'a < b and <b>bold</b>',
      reasoning: '',
    });
  });

  it('treats an unclosed thought as thoughts to the end', () => {
    expect(splitThoughtTags({ content: 'Hi <thought>still thinking' })).toEqual({
      text: 'Hi ',
      reasoning: 'still thinking',
    });
  });
});

describe('createThoughtTagSplitter', () => {
  it('holds back a tag cut between chunks', () => {
    const splitter = createThoughtTagSplitter();
    expect(splitter.push('<thou')).toEqual({ text: '', reasoning: '' });
    expect(splitter.push('ght>Hmm</tho')).toEqual({ text: '', reasoning: 'Hmm' });
    expect(splitter.push('ught>Yes')).toEqual({ text: 'Yes', reasoning: '' });
    expect(splitter.flush()).toEqual({ text: '', reasoning: '' });
  });

  it('releases a held-back "<" that was not a tag', () => {
    const splitter = createThoughtTagSplitter();
    expect(splitter.push('1 <')).toEqual({ text: '1 ', reasoning: '' });
    expect(splitter.push(' 2')).toEqual({ text: '< 2', reasoning: '' });
  });

  it('gives the same split for any chunking of the same content', () => {
    const segment = fc.record({
      thought: fc.boolean(),
      body: fc.string({ unit: fc.constantFrom('a', ' ', '<', '>', '/', 't', 'h', 'o', 'u', 'g') }),
    });
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (segments, cuts) => {
          const content = segments
            .map((part) => (part.thought ? `<thought>${part.body}</thought>` : part.body))
            .join('');
          const whole = splitThoughtTags({ content });
          const positions = [...new Set(cuts.map((cut) => cut % (content.length + 1)))].sort((a, b) => a - b);
          const splitter = createThoughtTagSplitter();
          let text = '';
          let reasoning = '';
          let start = 0;
          for (const end of [...positions, content.length]) {
            const piece = splitter.push(content.slice(start, end));
            text += piece.text;
            reasoning += piece.reasoning;
            start = end;
          }
          const rest = splitter.flush();
          expect({ text: text + rest.text, reasoning: reasoning + rest.reasoning }).toEqual(whole);
        },
      ),
    );
  });

  it('recovers the thought and answer segments it was given', () => {
    const plain = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.') });
    fc.assert(
      fc.property(plain, plain, (thought, answer) => {
        expect(splitThoughtTags({ content: `<thought>${thought}</thought>${answer}` })).toEqual({
          text: answer,
          reasoning: thought,
        });
      }),
    );
  });
});
