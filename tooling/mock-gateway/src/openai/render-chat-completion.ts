import { requiresThoughtSignatures } from '../answer/decide-thinking.js';
import {
  type Answer,
  type AnswerPart,
  type NeutralRequest,
  totalPromptTokens,
} from '../answer/neutral-request.js';
import { splitText } from '../answer/split-text.js';
import { stableId } from '../text/hash.js';

/** How reasoning is returned on the OpenAI route (`x-mock-reasoning-format`). */
export type ReasoningFormat = 'reasoning_content' | 'reasoning' | 'thought-tags';
/** How streamed tool calls are sent (`x-mock-tool-call-style`). */
export type ToolCallStyle = 'indexed' | 'whole-no-index';
/**
 * How `usage` reports reasoning (`x-mock-usage-style`): `completion_tokens` counts it, or not,
 * or (`reasoning-only-in-total`, Google's own endpoint) it shows only in `total_tokens`, with no
 * `*_details` at all: `prompt_tokens: 35, completion_tokens: 12, total_tokens: 109`.
 */
export type UsageStyle =
  | 'completion-includes-reasoning'
  | 'completion-excludes-reasoning'
  | 'reasoning-only-in-total';
/** Response ids (`x-mock-completion-id`): Gemini response ids as the gateway passes them, or `chatcmpl-…`. */
export type CompletionIdStyle = 'gemini' | 'chatcmpl';
/** Tool-call ids (`x-mock-tool-call-id`): generated, or `''` as Gemini sometimes sends. */
export type ToolCallIdStyle = 'generated' | 'empty';
/** Where a Gemini 3 thought signature sits (`x-mock-signature-place`): on the first tool call, or on the message. */
export type SignaturePlace = 'tool-call' | 'message';

/** Rendering knobs of the OpenAI route. */
export interface OpenaiStyle {
  reasoningFormat: ReasoningFormat;
  toolCallStyle: ToolCallStyle;
  usageStyle: UsageStyle;
  completionIdStyle: CompletionIdStyle;
  toolCallIdStyle: ToolCallIdStyle;
  signaturePlace: SignaturePlace;
  created: number;
}

/** OpenAI `usage`: prompt includes cached tokens; completion includes reasoning unless told otherwise. */
export function openaiUsage({
  request,
  answer,
  style,
}: {
  request: NeutralRequest;
  answer: Answer;
  style: OpenaiStyle;
}) {
  const prompt = totalPromptTokens(request);
  const reasoning = request.thinks ? answer.thoughtTokens : 0;
  const completion =
    style.usageStyle === 'completion-includes-reasoning'
      ? answer.candidatesTokens + reasoning
      : answer.candidatesTokens;
  if (style.usageStyle === 'reasoning-only-in-total') {
    return {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + answer.candidatesTokens + reasoning,
    };
  }
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + answer.candidatesTokens + reasoning,
    prompt_tokens_details: { cached_tokens: request.cachedTokens },
    completion_tokens_details: { reasoning_tokens: reasoning },
  };
}

/** A whole `chat.completion` object. */
export function renderChatCompletion({
  request,
  answer,
  style,
}: {
  request: NeutralRequest;
  answer: Answer;
  style: OpenaiStyle;
}) {
  const calls = toolCallsOf({ request, answer, style });
  const reasoning = request.showThoughts ? answer.thoughts : '';
  let content: string | null = contentOf(answer.parts);
  if (reasoning && style.reasoningFormat === 'thought-tags')
    content = `<thought>${reasoning}</thought>${content}`;
  if (calls.length > 0 && content === '') content = null;
  return {
    id: completionIdOf({ request, style }),
    object: 'chat.completion',
    created: style.created,
    model: request.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content,
          refusal: null,
          ...(reasoning && style.reasoningFormat !== 'thought-tags'
            ? { [style.reasoningFormat]: reasoning }
            : {}),
          ...(calls.length > 0 ? { tool_calls: calls } : {}),
          ...messageSignature({ request, answer, style, calls: calls.length }),
        },
        finish_reason: finishReasonOf({ answer, calls: calls.length }),
        logprobs: null,
      },
    ],
    usage: openaiUsage({ request, answer, style }),
  };
}

/**
 * The answer as `chat.completion.chunk` objects: role first, reasoning, content in pieces, tool
 * calls (indexed deltas, or each whole without `index`), a last choice chunk with
 * `finish_reason`, and a `choices: []` usage chunk when `include_usage` is set.
 */
export function renderChatChunks({
  request,
  answer,
  style,
  includeUsage,
  finishReason,
}: {
  request: NeutralRequest;
  answer: Answer;
  style: OpenaiStyle;
  includeUsage: boolean;
  /** Overrides the answer's own finish reason (`content_filter` for a blocked prompt). */
  finishReason?: string | undefined;
}) {
  const base = {
    id: completionIdOf({ request, style }),
    object: 'chat.completion.chunk',
    created: style.created,
    model: request.model,
  };
  const extra = includeUsage ? { usage: null } : {};
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
    ...extra,
  });
  const chunks: unknown[] = [chunk({ role: 'assistant', content: '' })];
  const reasoning = request.showThoughts ? answer.thoughts : '';
  if (reasoning) {
    const pieces = splitText({ text: reasoning, wordsPerPiece: 12 });
    if (style.reasoningFormat === 'thought-tags') {
      pieces[0] = `<thought>${pieces[0]}`;
      pieces[pieces.length - 1] = `${pieces.at(-1)}</thought>`;
      for (const piece of pieces) chunks.push(chunk({ content: piece }));
    } else {
      for (const piece of pieces) chunks.push(chunk({ [style.reasoningFormat]: piece }));
    }
  }
  const content = contentOf(answer.parts);
  if (content) for (const piece of splitText({ text: content })) chunks.push(chunk({ content: piece }));
  const calls = toolCallsOf({ request, answer, style });
  const signatureOnMessage = messageSignature({ request, answer, style, calls: calls.length });
  calls.forEach((call, index) => {
    if (style.toolCallStyle === 'whole-no-index') {
      chunks.push(chunk({ tool_calls: [call], ...(index === 0 ? signatureOnMessage : {}) }));
      return;
    }
    const { arguments: args, ...head } = { ...call.function };
    chunks.push(
      chunk({
        tool_calls: [{ index, ...call, function: { ...head, arguments: '' } }],
        ...(index === 0 ? signatureOnMessage : {}),
      }),
    );
    const middle = Math.ceil(args.length / 2);
    for (const piece of [args.slice(0, middle), args.slice(middle)]) {
      if (piece) chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  chunks.push(chunk({}, finishReason ?? finishReasonOf({ answer, calls: calls.length })));
  if (includeUsage) chunks.push({ ...base, choices: [], usage: openaiUsage({ request, answer, style }) });
  return chunks;
}

function toolCallsOf({
  request,
  answer,
  style,
}: {
  request: NeutralRequest;
  answer: Answer;
  style: OpenaiStyle;
}) {
  const signed = requiresThoughtSignatures(request.model) && style.signaturePlace === 'tool-call';
  return answer.parts
    .filter((part) => part.kind === 'functionCall')
    .map((part, index) => ({
      id: style.toolCallIdStyle === 'empty' ? '' : part.id,
      type: 'function' as const,
      function: { name: part.name, arguments: JSON.stringify(part.args) },
      // Gemini 3 signs only the first of parallel calls, and needs it back in history.
      ...(index === 0 && signed
        ? { extra_content: { google: { thought_signature: answer.signature } } }
        : {}),
    }));
}

function contentOf(parts: AnswerPart[]): string {
  // Google's compatibility layer renders code execution as Markdown blocks in the content.
  return parts
    .map((part) => {
      if (part.kind === 'text') return part.text;
      if (part.kind === 'executableCode') return `\n\`\`\`python\n${part.code}\`\`\`\n`;
      if (part.kind === 'codeExecutionResult') return `\n\`\`\`\n${part.output}\`\`\`\n`;
      return '';
    })
    .join('');
}

function finishReasonOf({ answer, calls }: { answer: Answer; calls: number }): string {
  if (calls > 0) return 'tool_calls';
  return answer.finishReason === 'MAX_TOKENS' ? 'length' : 'stop';
}

/** Google's compatibility layer signs the message instead of a tool call in some answers. */
function messageSignature({
  request,
  answer,
  style,
  calls,
}: {
  request: NeutralRequest;
  answer: Answer;
  style: OpenaiStyle;
  calls: number;
}) {
  if (calls === 0 || style.signaturePlace !== 'message' || !requiresThoughtSignatures(request.model))
    return {};
  return { extra_content: { google: { thought_signature: answer.signature } } };
}

function completionIdOf({ request, style }: { request: NeutralRequest; style: OpenaiStyle }): string {
  // The gateway passes Gemini's own response id through (22 url-safe characters, no prefix).
  if (style.completionIdStyle === 'gemini')
    return stableId({ text: `response:${request.seedKey}`, length: 22 });
  return `chatcmpl-${stableId({ text: `completion:${request.seedKey}`, length: 29 })}`;
}
