/**
 * Twin of the gateway guide's implicit-caching example: the same long prefix ("the entire
 * contents of 'Pride and Prejudice'") sent twice to gemini-2.5-flash-preview-05-20, then,
 * through `usageLedger` and `implicitCacheReport`, whether each call hit the implicit cache, how
 * many tokens were cached and what that saved.
 */
import { createGemini } from '@gemgate/native-gemini';
import { implicitCacheReport, promptLayoutAdvisor, usageLedger } from '@gemgate/usage-cache';

// Stands in for the book: long enough (about 3,500 tokens) for the implicit cache's minimum.
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
  const ledger = usageLedger();
  // The guide's layout (repeated context first, the question last) gives the advisor nothing to say.
  const advisor = promptLayoutAdvisor({ logger: { warn: log } });
  const gemini = createGemini({ apiKey, baseURL, middleware: [advisor, ledger] });
  try {
    for (const question of [
      "Analyze the major themes in 'Pride and Prejudice'.",
      "Describe Elizabeth Bennet's character in 'Pride and Prejudice'.",
    ]) {
      const response = await gemini.models.generateContent({
        model: 'gemini-2.5-flash-preview-05-20',
        contents: book + question,
      });
      // When the cache is hit, usage_metadata carries cachedContentTokenCount and cacheTokensDetails.
      log(`usage_metadata: ${JSON.stringify(response.usageMetadata)}`);
      const { usage } = response;
      log(
        `cache ${usage.cachedInputTokens > 0 ? 'hit' : 'miss'}: ${usage.cachedInputTokens} of ${usage.inputTokens} input tokens cached`,
      );
    }
    const report = implicitCacheReport({ entries: await ledger.records() });
    for (const [model, figures] of Object.entries(report)) {
      log(
        `${model}: hit rate ${(figures.hitRate * 100).toFixed(0)}%, cached tokens ${figures.cachedTokens}, ` +
          `savings $${figures.savingsUsd?.toFixed(6) ?? 'unknown'}`,
      );
    }
  } finally {
    await gemini.close();
  }
}
