/**
 * Twin of the gateway guide's code-execution example, with `@gemgate/media`: a CSV file inlined
 * as `text/csv` (told by its extension, since text has no magic bytes), the code-execution
 * tool on gemini-2.0-flash, printing the text, the generated code and each result.
 */
import { inlineMedia, mediaRequestLimits } from '@gemgate/media';
import { createGemini } from '@gemgate/native-gemini';

export async function run({
  baseURL,
  apiKey,
  filePath,
  log,
}: {
  baseURL: string;
  apiKey: string;
  /** The CSV to analyse (the guide's `yourpath/file.csv`). */
  filePath: string;
  log: (line: string) => void;
}) {
  const gemini = createGemini({ apiKey, baseURL, middleware: [mediaRequestLimits()] });
  try {
    const table = await inlineMedia({ source: filePath });
    const response = await gemini.models.generateContent({
      model: 'gemini-2.0-flash',
      contents: {
        parts: [
          table,
          { text: 'Please analyze this CSV and summarize the key statistics. Use code execution if needed.' },
        ],
      },
      config: { tools: [{ codeExecution: {} }] },
    });
    log(response.text);
    for (const execution of response.codeExecutions) {
      log(`Generated code:\n${execution.code ?? ''}`);
      for (const result of execution.results) log(`Execution result:\n${result.output ?? ''}`);
    }
  } finally {
    await gemini.close();
  }
}
