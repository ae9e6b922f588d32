/**
 * The gateway guide's CSV + code execution example on the native route: the CSV inlined, the
 * `codeExecution()` tool, each generated code part printed with its result(s).
 */
import { createGemini } from '@gemgate/native-gemini';
import { codeExecution, pairCodeExecutions } from '@gemgate/tools';

const csv = [
  'city,population,area_km2',
  'Paris,2102650,105.4',
  'Lyon,522250,47.9',
  'Marseille,873076,240.6',
].join('\n');

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
      contents: {
        parts: [
          { inlineData: { data: Buffer.from(csv).toString('base64'), mimeType: 'text/csv' } },
          { text: 'Please analyze this CSV and summarize the key statistics. Use code execution if needed.' },
        ],
      },
      config: { tools: [codeExecution()] },
    });
    log(response.text);
    for (const execution of pairCodeExecutions({ parts: response.candidates?.[0]?.content?.parts ?? [] })) {
      log(`Generated code (${execution.language}):\n${execution.code ?? ''}`);
      for (const result of execution.results)
        log(`Execution result (${result.outcome}):\n${result.output ?? ''}`);
    }
  } finally {
    await gemini.close();
  }
}
