/**
 * Twin of the gateway guide's image example, with `@gemgate/media`: the file is streamed from
 * disk as base64 while the request is sent (the guide reads it whole with `f.read()`), its type
 * comes from its bytes, and a request too large for the gateway is refused before the upload.
 * A system instruction, thinking off and MEDIUM media resolution (256 tokens) on gemini-2.5-flash.
 */
import { inlineMedia, MediaResolution, mediaRequestLimits } from '@gemgate/media';
import { createGemini } from '@gemgate/native-gemini';

export async function run({
  baseURL,
  apiKey,
  filePath,
  log,
}: {
  baseURL: string;
  apiKey: string;
  /** The image to describe (the guide's `yourpath/file.jpeg`). */
  filePath: string;
  log: (line: string) => void;
}) {
  const gemini = createGemini({ apiKey, baseURL, middleware: [mediaRequestLimits()] });
  try {
    const image = await inlineMedia({ source: filePath });
    const response = await gemini.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: { parts: [image, { text: 'Describe the image.' }] },
      config: {
        systemInstruction: 'You are a helpful assistant that can describe images.',
        maxOutputTokens: 768,
        temperature: 0.1,
        thinkingConfig: { thinkingBudget: 0, includeThoughts: false },
        mediaResolution: MediaResolution.MEDIUM, // 256 tokens
      },
    });
    log(response.text);
    log(`${image.mimeType}, ${image.byteLength} bytes; input tokens: ${response.usage.inputTokens}`);
  } finally {
    await gemini.close();
  }
}
