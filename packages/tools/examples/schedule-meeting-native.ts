/**
 * The gateway guide's schedule_meeting example on the native route: the tool defined once with
 * zod, run in the loop until the model confirms the meeting.
 */
import { createGemini } from '@gemgate/native-gemini';
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
  const gemini = createGemini({ apiKey, baseURL });
  try {
    const result = await runTools({
      client: gemini,
      model: 'gemini-2.0-flash',
      input: guidePrompt,
      tools: [scheduleMeetingTool({ log })],
      // The first answer must schedule; after the result the model is free to confirm in text.
      toolChoice: ({ step }) => (step === 0 ? { name: 'schedule_meeting' } : 'auto'),
    });
    log(result.text);
    log(`steps: ${result.steps.length}, total tokens: ${result.usage.totalTokens}`);
  } finally {
    await gemini.close();
  }
}
