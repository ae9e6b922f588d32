/**
 * The seed's first OpenAI-route example: a plain chat with thinking turned off by the
 * gateway's `-nothink` model id.
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
      model: 'gemini-2.5-flash-preview-04-17-nothink',
      messages: [
        { role: 'user', content: "Explain the Occam's Razor concept and provide everyday examples of it" },
      ],
    });
    log(completion.text);
    log(`reasoning tokens: ${completion.usage?.reasoningTokens ?? 0}`);
  } finally {
    await client.close();
  }
}
