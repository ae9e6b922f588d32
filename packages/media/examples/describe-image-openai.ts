/**
 * The image example on the OpenAI-compatible route: the same `inlineMedia` part, sent as an
 * `image_url` data URL streamed from disk.
 */
import { inlineMedia, mediaRequestLimits } from '@gemgate/media';
import { createOpenAICompat } from '@gemgate/openai-compat';

export async function run({
  baseURL,
  apiKey,
  filePath,
  log,
}: {
  baseURL: string;
  apiKey: string;
  filePath: string;
  log: (line: string) => void;
}) {
  const openai = createOpenAICompat({ apiKey, baseURL, middleware: [mediaRequestLimits()] });
  try {
    const image = await inlineMedia({ source: filePath });
    const completion = await openai.chat.completions.create({
      model: 'gemini-2.5-flash',
      messages: [
        { role: 'system', content: 'You are a helpful assistant that can describe images.' },
        { role: 'user', content: [image.toOpenAIPart(), { type: 'text', text: 'Describe the image.' }] },
      ],
      max_tokens: 768,
      temperature: 0.1,
    });
    log(completion.text);
  } finally {
    await openai.close();
  }
}
