/**
 * The gateway guide's two media examples as TypeScript twins using `@gemgate/media`, plus the
 * image example on the OpenAI-compatible route. Each `run` talks to the gateway at `baseURL`,
 * reads the file at `filePath` and reports through `log`.
 */
import { run as csvCodeExecution } from './csv-code-execution.js';
import { run as describeImage } from './describe-image.js';
import { run as describeImageOpenAI } from './describe-image-openai.js';

export interface MediaExample {
  name: string;
  title: string;
  /** The route it calls: `native` takes the native base URL, `openai` the OpenAI one. */
  route: 'native' | 'openai';
  run: (options: {
    baseURL: string;
    apiKey: string;
    filePath: string;
    log: (line: string) => void;
  }) => Promise<void>;
}

export const examples: MediaExample[] = [
  {
    name: 'describe-image',
    title: 'Describe an image file (thinking off, medium resolution)',
    route: 'native',
    run: describeImage,
  },
  {
    name: 'csv-code-execution',
    title: 'Analyse a CSV file with code execution',
    route: 'native',
    run: csvCodeExecution,
  },
  {
    name: 'describe-image-openai',
    title: 'Describe an image file on the OpenAI route',
    route: 'openai',
    run: describeImageOpenAI,
  },
];
