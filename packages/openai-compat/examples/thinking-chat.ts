/**
 * The same question with thinking on: the plain model id plus `reasoning_effort`, which is how
 * the OpenAI route asks Gemini 2.5 to show its reasoning.
 */
import { createOpenAICompat } from '@gemgate/openai-compat';

export async function run({
  baseURL,
  apiKey,
  log,
}: {
  baseURL: string;
  apiKey: string;
  log: (line: string) => void;
}) {
  const client = createOpenAICompat({ apiKey, baseURL });
  try {
    const completion = await client.chat.completions.create({
      model: 'gemini-2.5-flash-preview-04-17',
      messages: [
        { role: 'user', content: "Explain the Occam's Razor concept and provide everyday examples of it" },
      ],
      reasoning_effort: 'low',
    });
    // `reasoning` reads whichever form the gateway used: reasoning_content, reasoning or <thought> tags.
    log(`thoughts: ${completion.reasoning ?? '(none)'}`);
    log(`answer: ${completion.text}`);
    log(`reasoning tokens: ${completion.usage?.reasoningTokens ?? 0}`);
  } finally {
    await client.close();
  }
}
