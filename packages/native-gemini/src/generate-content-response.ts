import { convertGeminiUsage, ResponseValidationError, type Usage } from '@gemgate/core-transport';
import type { z } from 'zod';
import type { SdkHttpResponse } from './native-context.js';
import type {
  Candidate,
  CodeExecutionResult,
  GenerateContentResponseBody,
  Part,
  PromptFeedback,
  UsageMetadata,
} from './wire-types.js';

/** A function call of the answer, with the signature that must travel back with it. */
export interface FunctionCallInfo {
  id: string | undefined;
  name: string;
  args: Record<string, unknown>;
  /** Gemini 3 signs the first of parallel calls; chats send it back in place for you. */
  thoughtSignature: string | undefined;
}

/** Code the model ran, with every result that followed it. */
export interface CodeExecution {
  /** `undefined` when a result arrived without the code before it. */
  code: string | undefined;
  language: string | undefined;
  results: Array<{ outcome: string | undefined; output: string | undefined }>;
}

/**
 * One answer of `generateContent` (or one chunk of a stream, or a stream's aggregate), with
 * helpers over the raw body. `raw` is the body exactly as the upstream sent it.
 *
 * @example
 * ```ts
 * import { GenerateContentResponse } from '@gemgate/native-gemini';
 * const response = new GenerateContentResponse({
 *   raw: { candidates: [{ content: { role: 'model', parts: [{ text: 'Hi' }] }, finishReason: 'STOP' }] },
 * });
 * response.text; // 'Hi'
 * ```
 */
export class GenerateContentResponse {
  /** The body exactly as received; unknown fields included. */
  readonly raw: GenerateContentResponseBody;
  /** The gateway's request id, when it sent one. */
  readonly requestId: string | undefined;
  /** The HTTP answer's headers, as `@google/genai` gives them (a stream's chunks share its headers). */
  readonly sdkHttpResponse: SdkHttpResponse | undefined;
  readonly #zodSchema: z.ZodType | undefined;
  #parsed: { value: unknown } | undefined;

  constructor({
    raw,
    requestId,
    sdkHttpResponse,
    zodSchema,
  }: {
    raw: GenerateContentResponseBody;
    requestId?: string | undefined;
    sdkHttpResponse?: SdkHttpResponse | undefined;
    zodSchema?: z.ZodType | undefined;
  }) {
    this.raw = raw;
    this.requestId = requestId;
    this.sdkHttpResponse = sdkHttpResponse;
    this.#zodSchema = zodSchema;
  }

  /** The candidates, as `@google/genai` exposes them. */
  get candidates(): Candidate[] | undefined {
    return this.raw.candidates;
  }

  /** The raw `usageMetadata` (see `usage` for the neutral form). */
  get usageMetadata(): UsageMetadata | undefined {
    return this.raw.usageMetadata;
  }

  /** The parts of the first candidate. */
  get parts(): Part[] {
    return this.raw.candidates?.[0]?.content?.parts ?? [];
  }

  /** The answer's text: the non-thought text parts of the first candidate, joined. */
  get text(): string {
    let text = '';
    for (const part of this.parts) if (part.text !== undefined && part.thought !== true) text += part.text;
    return text;
  }

  /** The thought summaries (with `includeThoughts`), joined. */
  get thoughts(): string {
    let text = '';
    for (const part of this.parts) if (part.text !== undefined && part.thought === true) text += part.text;
    return text;
  }

  /**
   * The function calls of the first candidate, in order; `undefined` when there are none, as
   * in `@google/genai`, so its idiom `if (response.functionCalls) { ... }` keeps working.
   */
  get functionCalls(): FunctionCallInfo[] | undefined {
    let calls: FunctionCallInfo[] | undefined;
    for (const part of this.parts) {
      // A nameless call is a continuation piece of streamed arguments (Vertex `partialArgs`);
      // the stream's final response carries the whole call.
      if (part.functionCall?.name === undefined) continue;
      calls ??= [];
      calls.push({
        id: part.functionCall.id,
        name: part.functionCall.name,
        args: part.functionCall.args ?? {},
        thoughtSignature: part.thoughtSignature,
      });
    }
    return calls;
  }

  /** Each `executableCode` part paired with the `codeExecutionResult` parts that follow it. */
  get codeExecutions(): CodeExecution[] {
    const executions: CodeExecution[] = [];
    for (const part of this.parts) {
      if (part.executableCode) {
        executions.push({
          code: part.executableCode.code,
          language: part.executableCode.language,
          results: [],
        });
      } else if (part.codeExecutionResult) {
        const result: CodeExecutionResult = part.codeExecutionResult;
        let last = executions.at(-1);
        if (!last) {
          last = { code: undefined, language: undefined, results: [] };
          executions.push(last);
        }
        last.results.push({ outcome: result.outcome, output: result.output });
      }
    }
    return executions;
  }

  /** The first `executableCode`'s code, as `@google/genai` exposes it. */
  get executableCode(): string | undefined {
    return this.parts.find((part) => part.executableCode)?.executableCode?.code;
  }

  /** The first `codeExecutionResult`'s output, as `@google/genai` exposes it. */
  get codeExecutionResult(): string | undefined {
    return this.parts.find((part) => part.codeExecutionResult)?.codeExecutionResult?.output;
  }

  /**
   * The structured answer: the text parsed as JSON and, when `config.responseSchema` was a zod
   * schema, validated by it. `undefined` when there is no text. Throws
   * `ResponseValidationError` (with the path) when the text is not JSON or not of that shape.
   */
  get parsed(): unknown {
    if (this.#parsed) return this.#parsed.value;
    const text = this.text;
    if (text === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new ResponseValidationError('The answer is not valid JSON.', {
        path: 'candidates.0.content.parts',
        requestId: this.requestId,
        cause,
      });
    }
    if (this.#zodSchema) {
      const result = this.#zodSchema.safeParse(value);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        const path = issue.path.map(String).join('.');
        throw new ResponseValidationError(
          `The answer does not match the zod response schema${path ? ` at ${path}` : ''}: ${issue.message}.`,
          { path, requestId: this.requestId },
        );
      }
      value = result.data;
    }
    this.#parsed = { value };
    return value;
  }

  /** Why the first candidate stopped (`STOP`, `MAX_TOKENS`, `SAFETY`, ... an open set). */
  get finishReason(): string | undefined {
    return this.raw.candidates?.[0]?.finishReason;
  }

  /** The model version that answered, as `@google/genai` exposes it. */
  get modelVersion(): string | undefined {
    return this.raw.modelVersion;
  }

  /** The upstream's id of this answer, as `@google/genai` exposes it. */
  get responseId(): string | undefined {
    return this.raw.responseId;
  }

  /** Why the prompt was blocked, when it was (then there are no candidates). */
  get promptFeedback(): PromptFeedback | undefined {
    return this.raw.promptFeedback;
  }

  /**
   * Token usage in the neutral vocabulary, the same fields the openai client's `usage` has
   * (`inputTokens`, `outputTokens` with thinking, ...); the wire counts stay in `usageMetadata`.
   * All zeros when the answer carries no `usageMetadata`.
   */
  get usage(): Usage {
    return convertGeminiUsage({ usageMetadata: this.raw.usageMetadata });
  }
}
