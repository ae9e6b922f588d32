/** The TypeScript twins of the seed's OpenAI-route examples, in the order the seed gives them. */
import { run as functionCalling } from './function-calling.js';
import { run as plainChat } from './plain-chat.js';
import { run as readingUsage } from './reading-usage.js';
import { run as thinkingChat } from './thinking-chat.js';

/** What every example takes: where the gateway is, the key, and where to write its lines. */
export interface ExampleContext {
  baseURL: string;
  apiKey: string;
  log: (line: string) => void;
}

export const examples: ReadonlyArray<{
  name: string;
  title: string;
  run: (context: ExampleContext) => Promise<void>;
}> = [
  { name: 'plain-chat', title: 'Plain chat with a -nothink model id (Occam’s Razor)', run: plainChat },
  { name: 'thinking-chat', title: 'The same question with thinking (reasoning_effort)', run: thinkingChat },
  {
    name: 'function-calling',
    title: 'Function calling: schedule_meeting, with and without tool_choice',
    run: functionCalling,
  },
  { name: 'reading-usage', title: 'Reading usage: prompt = input, completion = output', run: readingUsage },
];

export default examples;
