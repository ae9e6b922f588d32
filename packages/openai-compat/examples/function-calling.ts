/**
 * The seed's function-calling example. The seed has to pass `tool_choice: "auto"` or the
 * gateway errors; gemgate sends it for you, so both calls below behave the same.
 */
import { createOpenAICompat, type FunctionToolParam } from '@gemgate/openai-compat';

/** The seed's declaration, unchanged. */
const scheduleMeetingFunction = {
  name: 'schedule_meeting',
  description: 'Schedules a meeting with specified attendees at a given time and date.',
  parameters: {
    type: 'object',
    properties: {
      attendees: {
        type: 'array',
        items: { type: 'string' },
        description: 'List of people attending the meeting.',
      },
      date: { type: 'string', description: "Date of the meeting (e.g., '2024-07-29')" },
      time: { type: 'string', description: "Time of the meeting (e.g., '15:00')" },
      topic: { type: 'string', description: 'The subject or topic of the meeting.' },
    },
    required: ['attendees', 'date', 'time', 'topic'],
  },
};

/** The seed's prompt, word for word. */
export const seedPrompt =
  'Schedule a meeting with Bob and Alice for 03/14/2025 at 10:00 AM about the Q3 planning.';

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
  const tools: FunctionToolParam[] = [{ type: 'function', function: scheduleMeetingFunction }];
  // The offline mock gateway calls a function under tool_choice "auto" only when the last user
  // message names it (it cannot guess intent the way Gemini does), so the test run adds one
  // sentence to the seed's prompt. Against the real gateway, `seedPrompt` alone gets the call.
  const content = `${seedPrompt} Use schedule_meeting.`;
  try {
    for (const toolChoice of ['auto', undefined] as const) {
      log(`tool_choice ${toolChoice === undefined ? 'omitted (gemgate sends "auto")' : `"${toolChoice}"`}:`);
      const response = await client.chat.completions.create({
        model: 'gemini-2.0-flash',
        messages: [{ role: 'user', content }],
        tools,
        ...(toolChoice === undefined ? {} : { tool_choice: toolChoice }),
      });
      const [toolCall] = response.toolCalls;
      if (toolCall) {
        log(`Function to call: ${toolCall.name}`);
        log(`Arguments: ${toolCall.rawArguments}`);
        // Arguments arrive parsed too: no JSON.parse, and bad JSON is a typed error.
        const { attendees } = toolCall.arguments as { attendees: string[] };
        log(`Attendees: ${attendees.join(', ')}`);
        log(`Usage: input ${response.usage?.inputTokens}, output ${response.usage?.outputTokens}`);
      } else {
        log('No function call found in the response.');
        log(response.text);
      }
    }
  } finally {
    await client.close();
  }
}
