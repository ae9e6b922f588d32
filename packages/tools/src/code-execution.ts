/**
 * The native route's code-execution tool, `{ codeExecution: {} }`: the model writes Python,
 * the upstream runs it, and the answer carries `executableCode` and `codeExecutionResult`
 * parts (read them with `pairCodeExecutions`). Put it in `config.tools`.
 *
 * @example
 * ```ts
 * import { codeExecution } from '@gemgate/tools';
 * await gemini.models.generateContent({
 *   model: 'gemini-2.0-flash',
 *   contents: 'What is the sum of the first 50 primes? Run code.',
 *   config: { tools: [codeExecution()] },
 * });
 * ```
 */
export function codeExecution(): { codeExecution: Record<string, never> } {
  return { codeExecution: {} };
}

/** The parts `pairCodeExecutions` reads (a native `Part`, structurally). */
export interface CodeExecutionPartLike {
  text?: string | undefined;
  executableCode?: { language?: string | undefined; code?: string | undefined } | undefined;
  codeExecutionResult?: { outcome?: string | undefined; output?: string | undefined } | undefined;
  thought?: boolean | undefined;
}

/** One result of running a code part. */
export interface CodeExecutionOutput {
  /** `OUTCOME_OK`, `OUTCOME_FAILED`, `OUTCOME_DEADLINE_EXCEEDED`, ... */
  outcome: string | undefined;
  output: string | undefined;
  /** The result part was flagged `thought: true` (Gemini 3's thinking ran it). */
  thought: boolean;
}

/** One `executableCode` part and the `codeExecutionResult` parts that answer it, in order. */
export interface CodeExecution {
  /** `PYTHON`; `undefined` for results that arrived with no code before them. */
  language: string | undefined;
  code: string | undefined;
  /** The code part was flagged `thought: true`: the model ran it while thinking. */
  thought: boolean;
  /** Usually one; several when the upstream answered one code part in several result parts. */
  results: CodeExecutionOutput[];
}

/**
 * Pairs each `executableCode` part with the `codeExecutionResult` part(s) after it, in order:
 * one code part may get several results, results that arrive with no code before them get an
 * entry of their own (`code: undefined`), and parts flagged `thought: true` are marked.
 *
 * @example
 * ```ts
 * import { pairCodeExecutions } from '@gemgate/tools';
 * for (const run of pairCodeExecutions({ parts: response.candidates?.[0]?.content?.parts ?? [] }))
 *   console.log(run.code, run.results.map((result) => result.output));
 * ```
 */
export function pairCodeExecutions({ parts }: { parts: readonly CodeExecutionPartLike[] }): CodeExecution[] {
  const collector = collectCodeExecutions();
  collector.add({ parts });
  return collector.executions;
}

/** A `collectCodeExecutions()` collector. */
export interface CodeExecutionCollector {
  /** Reads one chunk's parts (or a chunk response: its first candidate's parts); gives the executions it started or extended. */
  add(options: {
    parts?: readonly CodeExecutionPartLike[] | undefined;
    chunk?: CodeExecutionChunkLike | undefined;
  }): CodeExecution[];
  /** Every execution so far, in order. */
  readonly executions: CodeExecution[];
}

/** A streamed native chunk, as far as code execution goes. */
export interface CodeExecutionChunkLike {
  candidates?: Array<{ content?: { parts?: CodeExecutionPartLike[] | undefined } | undefined }> | undefined;
}

/**
 * Pairs code and results across the chunks of a stream, where the code and its result arrive
 * in different chunks and `finishReason: STOP` can arrive on chunks before the last (a code
 * execution stream says `STOP` mid-way): keep adding chunks until the stream ends, never stop
 * at the first `STOP`.
 *
 * @example
 * ```ts
 * import { codeExecution, collectCodeExecutions } from '@gemgate/tools';
 * const collector = collectCodeExecutions();
 * const stream = gemini.models.generateContentStream({ model, contents, config: { tools: [codeExecution()] } });
 * for await (const chunk of stream) collector.add({ chunk });
 * console.log(collector.executions);
 * ```
 */
export function collectCodeExecutions(): CodeExecutionCollector {
  const executions: CodeExecution[] = [];
  return {
    executions,
    add({ parts, chunk }) {
      const touched: CodeExecution[] = [];
      for (const part of parts ?? chunk?.candidates?.[0]?.content?.parts ?? []) {
        if (part.executableCode) {
          const execution: CodeExecution = {
            language: part.executableCode.language,
            code: part.executableCode.code,
            thought: part.thought === true,
            results: [],
          };
          executions.push(execution);
          touched.push(execution);
        } else if (part.codeExecutionResult) {
          let execution = executions.at(-1);
          if (!execution) {
            execution = { language: undefined, code: undefined, thought: part.thought === true, results: [] };
            executions.push(execution);
          }
          execution.results.push({
            outcome: part.codeExecutionResult.outcome,
            output: part.codeExecutionResult.output,
            thought: part.thought === true,
          });
          if (!touched.includes(execution)) touched.push(execution);
        }
      }
      return touched;
    },
  };
}
