/** The examples, each a twin of one in the gateway's guide, run by `test/examples.test.ts` against the mock. */
import { run as csvCodeExecution } from './csv-code-execution.js';
import { run as scheduleMeetingNative } from './schedule-meeting-native.js';
import { run as scheduleMeetingOpenAI } from './schedule-meeting-openai.js';

export interface Example {
  name: string;
  route: 'native' | 'openai';
  run: (options: { baseURL: string; apiKey: string; log: (line: string) => void }) => Promise<void>;
}

export const examples: Example[] = [
  { name: 'schedule-meeting-native', route: 'native', run: scheduleMeetingNative },
  { name: 'schedule-meeting-openai', route: 'openai', run: scheduleMeetingOpenAI },
  { name: 'csv-code-execution', route: 'native', run: csvCodeExecution },
];
