/**
 * The TypeScript twins of every native example in the gateway's Gemini guide, in the order the
 * guide gives them. Each `run` talks to the gateway at `baseURL` and reports through `log`.
 */
import { run as basicGenerate } from './basic-generate.js';
import { run as csvCodeExecution } from './csv-code-execution.js';
import { run as describeImage } from './describe-image.js';
import { run as implicitCaching } from './implicit-caching.js';
import { run as streamRuleOf72 } from './stream-rule-of-72.js';

export interface NativeExample {
  name: string;
  title: string;
  run: (options: { baseURL: string; apiKey: string; log: (line: string) => void }) => Promise<void>;
}

export const examples: NativeExample[] = [
  { name: 'basic-generate', title: 'Generate text with gemini-2.0-flash', run: basicGenerate },
  {
    name: 'describe-image',
    title: 'Describe an inline image (thinking off, medium resolution)',
    run: describeImage,
  },
  { name: 'csv-code-execution', title: 'Analyse a CSV with code execution', run: csvCodeExecution },
  { name: 'implicit-caching', title: 'See an implicit cache hit in usage', run: implicitCaching },
  { name: 'stream-rule-of-72', title: 'Stream an answer and keep the final usage', run: streamRuleOf72 },
];
