import {
  emptyUsage,
  orderToolResults,
  parseToolCallArguments,
  stableToolCallId,
  type ToolCall,
  type ToolChoice,
  type ToolDeclaration,
  type ToolLoopAdapter,
  type ToolLoopDelta,
  type ToolLoopTurn,
  toolResultPayload,
  type Usage,
} from '@gemgate/core-transport';
import type { ChatCompletionResult } from './chat-completion-result.js';
import type { ChatCompletionStream } from './chat-completion-stream.js';
import type {
  AssistantMessageParam,
  ChatCompletionCreateParams,
  ChatMessageParam,
  FunctionToolParam,
  RequestOptions,
  ToolCallParam,
  ToolChoiceParam,
} from './chat-params.js';

/** The part of the client the adapter uses (an `OpenAICompatClient`, or anything shaped like its `chat`). */
export interface OpenAIToolLoopClient {
  readonly chat: {
    readonly completions: {
      create(
        params: ChatCompletionCreateParams & { stream?: false | null | undefined },
        options?: RequestOptions,
      ): Promise<ChatCompletionResult>;
    };
  };
}

/** What the adapter reads of an answer's message, whatever shape the wire types take. */
interface AnsweredMessage {
  content?: unknown;
  tool_calls?: Array<{
    id?: string | null | undefined;
    function?: { name?: string | undefined; arguments?: unknown } | undefined;
    extra_content?: ToolCallParam['extra_content'];
  }> | null;
  extra_content?: AssistantMessageParam['extra_content'];
}

/**
 * The tool-loop adapter of the OpenAI-compatible route, for `@gemgate/tools` or a loop of your
 * own: the history is the `messages` array, each turn one `chat.completions.create` call with
 * `tools` and an explicit `tool_choice` (the gateway rejects tools without one), and the
 * assistant message put back with its `extra_content` (Gemini 3's thought signature, on a tool
 * call or on the message itself).
 *
 * Arguments that are not JSON do not throw: the call carries an `argumentsError` for the loop to
 * answer. A call whose `id` is `''` (as the gateway sends at times) gets a stable id, written
 * into the assistant message and its `tool` message alike, so parallel calls still pair.
 *
 * `params` are sent with every turn (`reasoning_effort`, `extra_body`, ...); their `tools` are
 * kept next to the loop's.
 *
 * @example
 * ```ts
 * import { createOpenAICompat, createOpenAIToolLoopAdapter } from '@gemgate/openai-compat';
 * const adapter = createOpenAIToolLoopAdapter({ client: createOpenAICompat(), model: 'gemini-2.5-flash' });
 * const history = adapter.initialHistory({ input: 'What time is it in Paris?' });
 * const turn = await adapter.send({ history, tools: [{ name: 'clock', parameters: { type: 'object' } }] });
 * console.log(turn.toolCalls);
 * ```
 */
export function createOpenAIToolLoopAdapter({
  client,
  model,
  params = {},
  options = {},
}: {
  client: OpenAIToolLoopClient;
  model: string;
  /** Sent with every turn; `model`, `messages` and `stream` are the adapter's own and replaced. */
  params?: Partial<ChatCompletionCreateParams> | undefined;
  options?: RequestOptions | undefined;
}): ToolLoopAdapter<ChatMessageParam[]> {
  return {
    route: 'openai',
    initialHistory({ input }) {
      return typeof input === 'string' ? [{ role: 'user', content: input }] : [...input];
    },
    async send({ history, tools = [], toolChoice, signal, stream = false, onDelta }) {
      // `{ allowed }` has no tool_choice of its own on the gateway: only those tools are sent, under `auto`.
      const allowed =
        toolChoice && typeof toolChoice === 'object' && 'allowed' in toolChoice
          ? toolChoice.allowed
          : undefined;
      const loopTools = allowed ? tools.filter((tool) => allowed.includes(tool.name)) : tools;
      const sentTools: FunctionToolParam[] = [...(params.tools ?? []), ...loopTools.map(functionToolOf)];
      const body: ChatCompletionCreateParams = {
        ...params,
        model,
        messages: history,
        ...(sentTools.length > 0
          ? {
              tools: sentTools,
              // The gateway answers tools without an explicit tool_choice with a 400.
              tool_choice: toolChoice ? toolChoiceOf(toolChoice) : (params.tool_choice ?? 'auto'),
            }
          : {}),
      };
      const requestOptions: RequestOptions = {
        ...options,
        // The loop's signal ends this call, and so does the one the adapter was made with.
        signal:
          signal && options.signal ? AbortSignal.any([signal, options.signal]) : (signal ?? options.signal),
      };
      const completion = stream
        ? await streamed({ client, body, requestOptions, onDelta })
        : await client.chat.completions.create({ ...body, stream: false }, requestOptions);
      const message = completion.choices[0]?.message as AnsweredMessage | undefined;
      const { toolCalls, assistantTurn } = readAnswer({
        message,
        text: completion.text,
        seed: completion.id,
      });
      const turn: ToolLoopTurn = {
        toolCalls,
        text: completion.text,
        usage: neutralUsage({ usage: completion.usage }),
        assistantTurn,
        finishReason: completion.finishReason,
        response: completion,
      };
      return turn;
    },
    withToolResults({ history, turn, results }) {
      const assistantTurn = turn.assistantTurn as AssistantMessageParam;
      // Paired against the message that goes back, whose ids are the ones the tool messages must name.
      const calls = (assistantTurn.tool_calls ?? []).map((call) => ({
        id: call.id,
        name: call.function.name,
      }));
      const ordered = orderToolResults({
        calls: calls.map((call) => ({ ...call, arguments: undefined })),
        results,
      });
      const toolMessages: ChatMessageParam[] = ordered.map((result) => ({
        role: 'tool',
        tool_call_id: result.callId,
        content: JSON.stringify(toolResultPayload({ result })),
      }));
      return [...history, assistantTurn, ...toolMessages];
    },
  };
}

/** Reads a streamed answer, reporting its pieces as they come, and gives the whole completion. */
async function streamed({
  client,
  body,
  requestOptions,
  onDelta = () => {},
}: {
  client: OpenAIToolLoopClient;
  body: ChatCompletionCreateParams;
  requestOptions: RequestOptions;
  onDelta?: ((delta: ToolLoopDelta) => void) | undefined;
}): Promise<ChatCompletionResult> {
  // The structural client type names only the non-streamed overload, so plain fakes still fit.
  const create = client.chat.completions.create as unknown as (
    params: ChatCompletionCreateParams & { stream: true },
    options?: RequestOptions,
  ) => Promise<ChatCompletionStream>;
  const stream = await create.call(client.chat.completions, { ...body, stream: true }, requestOptions);
  // Deltas without `index` (calls sent whole) are numbered in arrival order.
  let calls = 0;
  for await (const chunk of stream) {
    if (chunk.reasoning) onDelta({ type: 'thought', text: chunk.reasoning });
    if (chunk.text) onDelta({ type: 'text', text: chunk.text });
    for (const delta of chunk.choices[0]?.delta?.tool_calls ?? []) {
      const name = delta.function?.name;
      const index = delta.index ?? (name ? calls : calls - 1);
      if (name) {
        calls = Math.max(calls, index + 1);
        onDelta({ type: 'tool-call-start', index, id: delta.id || undefined, name });
      }
      const argumentsDelta = delta.function?.arguments;
      if (argumentsDelta != null && argumentsDelta !== '') {
        onDelta({
          type: 'tool-call-arguments',
          index,
          argumentsDelta:
            typeof argumentsDelta === 'string' ? argumentsDelta : JSON.stringify(argumentsDelta),
        });
      }
    }
  }
  return stream.final();
}

function functionToolOf(tool: ToolDeclaration): FunctionToolParam {
  return {
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      ...(tool.parameters === undefined ? {} : { parameters: tool.parameters }),
    },
  };
}

function toolChoiceOf(choice: ToolChoice): ToolChoiceParam {
  if (typeof choice === 'string') return choice;
  if ('allowed' in choice) return 'auto';
  return { type: 'function', function: { name: choice.name } };
}

/**
 * The neutral calls and the assistant message to put back. The message keeps every
 * `extra_content` as sent (Gemini 3 refuses the next turn without its signature) and the
 * arguments as the model wrote them, so even a call with broken JSON can be answered.
 */
function readAnswer({
  message,
  text,
  seed,
}: {
  message: AnsweredMessage | undefined;
  text: string;
  seed: string;
}): {
  toolCalls: ToolCall[];
  assistantTurn: AssistantMessageParam;
} {
  const assistantTurn: AssistantMessageParam = { role: 'assistant', content: text || null };
  const toolCalls: ToolCall[] = [];
  const wireCalls = message?.tool_calls ?? [];
  if (wireCalls.length > 0) {
    const seen = new Set<string>();
    assistantTurn.tool_calls = wireCalls.map((wireCall, index) => {
      const name = wireCall.function?.name ?? '';
      const wireArguments = wireCall.function?.arguments;
      // Some OpenAI-shaped upstreams send the arguments as an object instead of a JSON string.
      const rawArguments =
        typeof wireArguments === 'string'
          ? wireArguments
          : wireArguments == null
            ? ''
            : JSON.stringify(wireArguments);
      // '' (or a repeated id) cannot pair a result with its call; the made-up id goes into the
      // history's message too, so the tool message names an id the upstream can find.
      let id = wireCall.id ?? '';
      if (id === '' || seen.has(id))
        id = stableToolCallId({ seed: `${seed}:${name}:${rawArguments}`, index });
      seen.add(id);
      const signature = wireCall.extra_content?.google?.thought_signature;
      const { arguments: parsed, argumentsError } = parseToolCallArguments({ rawArguments });
      toolCalls.push({
        id,
        name,
        arguments: parsed,
        rawArguments,
        ...(argumentsError === undefined ? {} : { argumentsError }),
        ...(signature === undefined ? {} : { thoughtSignature: signature }),
      });
      return {
        id,
        type: 'function',
        function: { name, arguments: rawArguments },
        ...(wireCall.extra_content ? { extra_content: wireCall.extra_content } : {}),
      };
    });
  }
  if (message?.extra_content) {
    assistantTurn.extra_content = message.extra_content;
    // The signature can sit on the message rather than on a call: it then belongs to the first call.
    const signature = message.extra_content.google?.thought_signature;
    const first = toolCalls[0];
    if (first && first.thoughtSignature === undefined && signature !== undefined)
      first.thoughtSignature = signature;
  }
  return { toolCalls, assistantTurn };
}

/** The neutral counts only: the result's usage may also carry the wire's `prompt_tokens` and the like. */
function neutralUsage({ usage }: { usage: Usage | undefined }): Usage {
  if (!usage) return emptyUsage();
  return {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    reasoningTokens: usage.reasoningTokens,
    cachedInputTokens: usage.cachedInputTokens,
    toolUseInputTokens: usage.toolUseInputTokens,
    totalTokens: usage.totalTokens,
  };
}
