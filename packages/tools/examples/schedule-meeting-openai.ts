/**
 * The gateway guide's schedule_meeting example on the OpenAI-compatible route, the twin of the
 * native one: the same tool, the same loop; the adapter sends the `tool_choice` the gateway requires.
 */
import { createOpenAICompat } from '@gemgate/openai-compat';
import { runTools } from '@gemgate/tools';
import { guidePrompt, scheduleMeetingTool } from './schedule-meeting-tool.js';

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
    const result = await runTools({
      client,
      model: 'gemini-2.0-flash',
      input: guidePrompt,
      tools: [scheduleMeetingTool({ log })],
      toolChoice: ({ step }) => (step === 0 ? { name: 'schedule_meeting' } : 'auto'),
    });
    log(result.text);
    log(`steps: ${result.steps.length}, total tokens: ${result.usage.totalTokens}`);
  } finally {
    await client.close();
  }
}
