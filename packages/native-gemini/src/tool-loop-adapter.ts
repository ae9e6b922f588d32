import {
  InvalidArgumentError,
  orderToolResults,
  stableToolCallId,
  type ToolCall,
  type ToolChoice,
  type ToolDeclaration,
  type ToolLoopAdapter,
  type ToolLoopDelta,
  type ToolLoopTurn,
  toolResultPayload,
} from '@gemgate/core-transport';
import type { GenerateContentConfig, Tool, ToolConfig } from './generate-content-config.js';
import type { GenerateContentResponse } from './generate-content-response.js';
import type { GenerateContentStream } from './generate-content-stream.js';
import type { GenerateContentParameters } from './models.js';
import type { Content, Part } from './wire-types.js';

/** The part of the client the adapter uses (a `Gemini`, or anything shaped like its `models`). */
export interface GeminiToolLoopClient {
  readonly models: {
    generateContent(parameters: GenerateContentParameters): Promise<GenerateContentResponse>;
    /** Needed only for `send({ stream: true })`. */
    generateContentStream?(parameters: GenerateContentParameters): GenerateContentStream;
  };
}

/**
 * The tool-loop adapter of the native route, for `@gemgate/tools` or a loop of your own: the
 * history is a `Content[]`, each turn one `generateContent` call, declarations sent as
 * `functionDeclarations` with `parametersJsonSchema`, and the model's content put back exactly
 * as it came, so Gemini 3's thought signatures stay where the model put them.
 *
 * `config` is sent with every turn (system instruction, thinking, ...); its `tools` (code
 * execution, search, your own declarations) are kept next to the loop's.
 *
 * @example
 * ```ts
 * import { createGemini, createGeminiToolLoopAdapter } from '@gemgate/native-gemini';
 * const adapter = createGeminiToolLoopAdapter({ client: createGemini(), model: 'gemini-2.5-flash' });
 * const history = adapter.initialHistory({ input: 'What time is it in Paris?' });
 * const turn = await adapter.send({ history, tools: [{ name: 'clock', parameters: { type: 'object' } }] });
 * console.log(turn.toolCalls);
 * ```
 */
export function createGeminiToolLoopAdapter({
  client,
  model,
  config = {},
}: {
  client: GeminiToolLoopClient;
  model: string;
  config?: GenerateContentConfig | undefined;
}): ToolLoopAdapter<Content[]> {
  return {
    route: 'native',
    initialHistory({ input }) {
      return typeof input === 'string' ? [{ role: 'user', parts: [{ text: input }] }] : [...input];
    },
    async send({ history, tools = [], toolChoice, signal, stream = false, onDelta }) {
      const functionDeclarations = tools.map(declarationOf);
      const sentTools: Tool[] = [...(config.tools ?? [])];
      if (functionDeclarations.length > 0) sentTools.push({ functionDeclarations });
      const toolConfig =
        toolChoice && functionDeclarations.length > 0 ? toolConfigOf(toolChoice) : config.toolConfig;
      const parameters: GenerateContentParameters = {
        model,
        contents: history,
        config: {
          ...config,
          ...(sentTools.length > 0 ? { tools: sentTools } : {}),
          ...(toolConfig ? { toolConfig } : {}),
          // The loop's signal ends this call, and so does the one the adapter was made with.
          abortSignal:
            signal && config.abortSignal
              ? AbortSignal.any([signal, config.abortSignal])
              : (signal ?? config.abortSignal),
        },
      };
      const response = stream
        ? await streamed({ client, parameters, onDelta })
        : await client.models.generateContent(parameters);
      const content = response.candidates?.[0]?.content;
      const assistantTurn: Content = content
        ? { ...content, role: content.role ?? 'model' }
        : { role: 'model', parts: [] };
      const turn: ToolLoopTurn = {
        toolCalls: toolCallsOf({ content: assistantTurn }).map(({ call }) => call),
        text: response.text,
        usage: response.usage,
        assistantTurn,
        finishReason: response.finishReason,
        response,
      };
      return turn;
    },
    withToolResults({ history, turn, results }) {
      const assistantTurn = turn.assistantTurn as Content;
      const calls = toolCallsOf({ content: assistantTurn });
      const ordered = orderToolResults({ calls: calls.map(({ call }) => call), results });
      const parts: Part[] = ordered.map((result, index) => {
        const wireId = calls[index]!.wireId;
        return {
          functionResponse: {
            name: result.name,
            // An id the model did not send is ours alone; the upstream only pairs the ones it gave.
            ...(wireId ? { id: wireId } : {}),
            response: toolResultPayload({ result }),
          },
        };
      });
      // All results of a turn travel in one user turn: the upstream pairs them with the calls by position.
      return [...history, assistantTurn, { role: 'user', parts }];
    },
  };
}

/** Reads a streamed answer, reporting its pieces as they come, and gives the whole response. */
async function streamed({
  client,
  parameters,
  onDelta = () => {},
}: {
  client: GeminiToolLoopClient;
  parameters: GenerateContentParameters;
  onDelta?: ((delta: ToolLoopDelta) => void) | undefined;
}): Promise<GenerateContentResponse> {
  if (!client.models.generateContentStream) {
    throw new InvalidArgumentError(
      'client.models has no generateContentStream: pass a Gemini client from createGemini(), or send without stream.',
      { argument: 'client' },
    );
  }
  const stream = client.models.generateContentStream(parameters);
  let calls = 0;
  for await (const chunk of stream) {
    for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
      if (part.text !== undefined && part.text !== '') {
        onDelta({ type: part.thought === true ? 'thought' : 'text', text: part.text });
      }
      const functionCall = part.functionCall;
      // Nameless parts are Vertex's streamed argument pieces: the final response has the whole call.
      if (functionCall?.name === undefined) continue;
      const index = calls++;
      onDelta({ type: 'tool-call-start', index, id: functionCall.id || undefined, name: functionCall.name });
      if (functionCall.args !== undefined) {
        onDelta({ type: 'tool-call-arguments', index, argumentsDelta: JSON.stringify(functionCall.args) });
      }
    }
  }
  return stream.final();
}

function declarationOf(tool: ToolDeclaration) {
  return {
    name: tool.name,
    ...(tool.description === undefined ? {} : { description: tool.description }),
    // Full JSON Schema (Gemini 2.5+), so nothing is lost converting to the OpenAPI subset.
    ...(tool.parameters === undefined ? {} : { parametersJsonSchema: tool.parameters }),
  };
}

function toolConfigOf(choice: ToolChoice): ToolConfig {
  if (choice === 'auto') return { functionCallingConfig: { mode: 'AUTO' } };
  if (choice === 'none') return { functionCallingConfig: { mode: 'NONE' } };
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' } };
  if ('name' in choice)
    return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.name] } };
  // VALIDATED: the model may answer in text or call one of these, its arguments held to the schema.
  return { functionCallingConfig: { mode: 'VALIDATED', allowedFunctionNames: [...choice.allowed] } };
}

/**
 * The calls of a model content with the ids the upstream gave (`wireId`). Read again from the
 * content in `withToolResults`, so results pair even when the loop copied or rebuilt the turn.
 */
function toolCallsOf({
  content,
}: {
  content: Content;
}): Array<{ call: ToolCall; wireId: string | undefined }> {
  const parts = content.parts ?? [];
  let seed: string | undefined;
  const calls: Array<{ call: ToolCall; wireId: string | undefined }> = [];
  for (const part of parts) {
    const functionCall = part.functionCall;
    // A nameless call is a piece of streamed arguments (Vertex `partialArgs`), not a call to run.
    if (functionCall?.name === undefined) continue;
    const index = calls.length;
    const wireId = functionCall.id || undefined;
    // Seeded by the calls alone, so the ids survive a loop that trims thoughts or signatures.
    seed ??= JSON.stringify(parts.map((each) => each.functionCall ?? null));
    calls.push({
      wireId,
      call: {
        id: wireId ?? stableToolCallId({ seed, index }),
        name: functionCall.name,
        arguments: functionCall.args ?? {},
        ...(part.thoughtSignature === undefined ? {} : { thoughtSignature: part.thoughtSignature }),
      },
    });
  }
  return calls;
}
