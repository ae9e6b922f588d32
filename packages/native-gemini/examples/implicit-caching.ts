/**
 * Twin of the seed's implicit-caching example: the same long prefix sent twice to
 * gemini-2.5-flash-preview-05-20; the second answer reports the cached share of the prompt.
 */
import { createGemini } from '@gemgate/native-gemini';

// Stands in for "the entire contents of 'Pride and Prejudice'": long enough to be cached.
const book =
  'It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife. '.repeat(
    120,
  );

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
    for (const attempt of ['first', 'second']) {
      const response = await gemini.models.generateContent({
        model: 'gemini-2.5-flash-preview-05-20',
        contents: `${book}Analyze the major themes in 'Pride and Prejudice'.`,
      });
      const { usage } = response;
      log(`${attempt} call usage: ${JSON.stringify(response.usageMetadata)}`);
      log(
        `${attempt} call: input ${usage.inputTokens}, cached ${usage.cachedInputTokens}, cache ${usage.cachedInputTokens > 0 ? 'hit' : 'miss'}`,
      );
    }
  } finally {
    await gemini.close();
  }
}
