/**
 * Twin of the seed's streaming example: gemini-2.5-pro-preview-03-25 with a text/plain answer,
 * printing the chunks as they come and the final usage (the last snapshot) at the end.
 */
import { createGemini } from '@gemgate/native-gemini';

export async function run({
  baseURL,
  apiKey,
  log,
}: {
  baseURL: string;
  apiKey: string;
  log: (line: string) => void;
}) {
  const gemini = createGemini({ apiKey, baseURL });
  try {
    const stream = gemini.models.generateContentStream({
      model: 'gemini-2.5-pro-preview-03-25',
      contents: [
        { role: 'user', parts: [{ text: 'How is the "Rule of 72" derived in the financial world?' }] },
      ],
      config: { responseMimeType: 'text/plain' },
    });
    let chunks = 0;
    for await (const chunk of stream) {
      chunks += 1;
      log(`chunk ${chunks}: ${chunk.text}`);
    }
    const final = await stream.response;
    log(`Usage: ${JSON.stringify(final.usageMetadata)}`);
    log(
      `input ${final.usage.inputTokens}, output ${final.usage.outputTokens} (thinking ${final.usage.reasoningTokens})`,
    );
  } finally {
    await gemini.close();
  }
}
