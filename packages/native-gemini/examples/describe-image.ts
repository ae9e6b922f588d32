/**
 * Twin of the seed's image example: inline image data, a system instruction, thinking off and
 * MEDIUM media resolution (256 tokens per image) on gemini-2.5-flash.
 */
import { createGemini } from '@gemgate/native-gemini';
import { makeSamplePng } from './make-sample-png.js';

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
    const image = makeSamplePng({ width: 32, height: 32 });
    const response = await gemini.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: {
        parts: [
          { inlineData: { data: image.toString('base64'), mimeType: 'image/png' } },
          { text: 'Describe the image.' },
        ],
      },
      config: {
        systemInstruction: 'You are a helpful assistant that can describe images.',
        maxOutputTokens: 768,
        temperature: 0.1,
        thinkingConfig: { thinkingBudget: 0, includeThoughts: false },
        mediaResolution: 'MEDIA_RESOLUTION_MEDIUM',
      },
    });
    log(response.text);
    log(`input tokens: ${response.usage.inputTokens}, thinking tokens: ${response.usage.reasoningTokens}`);
  } finally {
    await gemini.close();
  }
}
