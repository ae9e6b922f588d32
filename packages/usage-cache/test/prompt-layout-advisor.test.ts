/** The layout advisor on the guide's Pride-and-Prejudice pattern, both ways round. */
import { describe, expect, it } from 'vitest';
import { promptLayoutAdvisor } from '../src/index.js';
import { useMockGateway } from './use-mock-gateway.js';

const mock = useMockGateway();
// 14,160 characters: about 3,540 tokens at four characters a token.
const book =
  'It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife. '.repeat(
    120,
  );
const questions = [
  "Analyze the major themes in 'Pride and Prejudice'.",
  "Describe Elizabeth Bennet's character in 'Pride and Prejudice'.",
  'Who proposes to Elizabeth first?',
];

describe('promptLayoutAdvisor', () => {
  it('says nothing when the book comes first and the question last, as the guide advises', async () => {
    const warnings: string[] = [];
    const advisor = promptLayoutAdvisor({ logger: { warn: (message) => warnings.push(message) } });
    const gemini = mock.native({ middleware: [advisor] });
    for (const question of questions) {
      await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: book + question });
    }
    expect(warnings).toEqual([]);
    expect(advisor.advice()).toEqual([]);
  });

  it('notices the book repeated after a changing question, says so once, with the tokens it would save', async () => {
    const warnings: string[] = [];
    const advisor = promptLayoutAdvisor({ logger: { warn: (message) => warnings.push(message) } });
    const gemini = mock.native({ middleware: [advisor] });
    for (const question of questions) {
      await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: question + book });
    }
    expect(warnings).toHaveLength(1);
    const [advice] = advisor.advice();
    expect(advice?.model).toBe('gemini-2.5-flash');
    // The book and the end the first two questions share (" in 'Pride and Prejudice'.", 26
    // characters) repeat: (14,160 + 26) / 4 tokens.
    expect(advice?.repeatedTokens).toBe(Math.floor((book.length + 26) / 4));
    expect(advice?.tokensSavedPerCall).toBeGreaterThan(3_400);
    expect(warnings[0]).toMatch(/repeated context first and the user input last/);
    // The gateway got the prompts unchanged.
    expect(mock.gateway.requests).toHaveLength(3);
  });

  it('reads OpenAI-route messages the same way', async () => {
    const advisor = promptLayoutAdvisor({ logger: { warn: () => {} } });
    const client = mock.openai({ middleware: [advisor] });
    for (const question of questions.slice(0, 2)) {
      await client.chat.completions.create({
        model: 'gemini-2.5-flash',
        messages: [{ role: 'user', content: question + book }],
      });
    }
    expect(advisor.advice()).toHaveLength(1);
  });
});
