/**
 * Reading token usage on the OpenAI route. The gateway's docs swap the two fields; the wire
 * does not: `prompt_tokens` is the input, `completion_tokens` the output (thinking included).
 * gemgate's neutral `usage` names them for what they are, streamed or not.
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
    const stream = await client.chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'How is the "Rule of 72" derived in the financial world?' }],
      reasoning_effort: 'low',
      // gemgate asks for stream_options.include_usage itself, so the last chunk carries usage.
      stream: true,
    });
    let characters = 0;
    for await (const chunk of stream) characters += chunk.text.length;
    const completion = await stream.finalCompletion();
    const wire = completion.raw.usage;
    const usage = completion.usage;
    log(`streamed ${characters} characters`);
    log(
      `wire: prompt_tokens=${wire?.prompt_tokens} completion_tokens=${wire?.completion_tokens} total_tokens=${wire?.total_tokens}`,
    );
    log(`input tokens (prompt_tokens): ${usage?.inputTokens}`);
    log(`output tokens (completion_tokens, thinking included): ${usage?.outputTokens}`);
    log(`of which reasoning: ${usage?.reasoningTokens}`);
    log(`cached input tokens: ${usage?.cachedInputTokens}`);
    log(`total tokens: ${usage?.totalTokens}`);
  } finally {
    await client.close();
  }
}
