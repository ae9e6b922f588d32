/**
 * Twin of the seed's first native example: one question to gemini-2.0-flash.
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
    const response = await gemini.models.generateContent({
      model: 'gemini-2.0-flash',
      contents: [{ role: 'user', parts: [{ text: "How do I know I'm not wasting time?" }] }],
    });
    log(response.text);
    log(`finish reason: ${response.finishReason}`);
  } finally {
    await gemini.close();
  }
}
