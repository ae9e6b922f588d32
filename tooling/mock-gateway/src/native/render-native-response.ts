import {
  type Answer,
  type AnswerPart,
  type NeutralRequest,
  totalPromptTokens,
} from '../answer/neutral-request.js';
import { partTokens } from '../answer/plan-answer.js';
import { splitText } from '../answer/split-text.js';
import { countTextTokens } from '../text/count-tokens.js';
import { stableId } from '../text/hash.js';
import type { NativePart } from './native-prompt.js';
import type { NativeStyle } from './native-style.js';

/**
 * The ratings Gemini attaches to an unblocked candidate: every category, negligible. Shared and
 * frozen, since it never changes and is only serialised.
 */
const negligibleSafetyRatings = Object.freeze(
  [
    'HARM_CATEGORY_SEXUALLY_EXPLICIT',
    'HARM_CATEGORY_HATE_SPEECH',
    'HARM_CATEGORY_HARASSMENT',
    'HARM_CATEGORY_DANGEROUS_CONTENT',
  ].map((category) => Object.freeze({ category, probability: 'NEGLIGIBLE' })),
);

/** What a search-grounded answer reports as the search results fed back to the model. */
const searchResultTokens = 96;

/**
 * Google's `usageMetadata`. `promptTokenCount` includes cached tokens, `candidatesTokenCount`
 * excludes thoughts, and the total adds prompt, candidates, tool-use prompt and thoughts.
 * AI Studio answers carry `serviceTier`, Vertex answers `trafficType`.
 */
export function nativeUsage({
  request,
  candidatesTokens,
  thoughtTokens,
  toolUsePromptTokens,
  style,
  promptTokens = totalPromptTokens(request),
}: {
  request: NeutralRequest;
  candidatesTokens: number | undefined;
  thoughtTokens: number;
  toolUsePromptTokens: number;
  style: Pick<NativeStyle, 'upstream'>;
  promptTokens?: number;
}) {
  return {
    promptTokenCount: promptTokens,
    ...(candidatesTokens !== undefined ? { candidatesTokenCount: candidatesTokens } : {}),
    totalTokenCount: promptTokens + (candidatesTokens ?? 0) + toolUsePromptTokens + thoughtTokens,
    ...(request.cachedTokens > 0
      ? {
          cachedContentTokenCount: request.cachedTokens,
          cacheTokensDetails: [{ modality: 'TEXT', tokenCount: request.cachedTokens }],
        }
      : {}),
    promptTokensDetails: Object.entries(request.promptTokens)
      .filter(([, count]) => (count ?? 0) > 0)
      .map(([modality, tokenCount]) => ({ modality, tokenCount })),
    ...(toolUsePromptTokens > 0
      ? {
          toolUsePromptTokenCount: toolUsePromptTokens,
          toolUsePromptTokensDetails: [{ modality: 'TEXT', tokenCount: toolUsePromptTokens }],
        }
      : {}),
    ...(thoughtTokens > 0 ? { thoughtsTokenCount: thoughtTokens } : {}),
    ...(style.upstream === 'vertex' ? { trafficType: 'ON_DEMAND' } : { serviceTier: 'standard' }),
  };
}

/** The answer as one `GenerateContentResponse`. */
export function renderNativeResponse({
  request,
  answer,
  style,
}: {
  request: NeutralRequest;
  answer: Answer;
  style: NativeStyle;
}) {
  const parts: NativePart[] = [];
  if (request.showThoughts && answer.thoughts) parts.push({ text: answer.thoughts, thought: true });
  parts.push(...answer.parts.map((part) => toNativePart({ part, style })));
  if (request.thinks) sign({ parts, signature: answer.signature });
  return {
    candidates: [
      {
        content: parts.length > 0 ? { role: 'model', parts } : { role: 'model' },
        finishReason: answer.finishReason,
        ...finishExtras({ request, answer, style }),
        index: 0,
        ...(style.safetyRatings ? { safetyRatings: negligibleSafetyRatings } : {}),
      },
    ],
    usageMetadata: nativeUsage({
      request,
      candidatesTokens: answer.candidatesTokens,
      thoughtTokens: answer.thoughtTokens,
      toolUsePromptTokens: toolUseTokensOf({ request, answer }),
      style,
    }),
    modelVersion: request.model,
    responseId: responseIdOf(request),
  };
}

interface ChunkGroup {
  parts: NativePart[];
  candidates: number;
  thoughts: number;
  /** This chunk feeds a tool's result back (code output, search results). */
  toolResult?: boolean;
}

/**
 * The answer as stream chunks: thoughts, then text in pieces of a few words, each function-call
 * batch (or Vertex's partial arguments) and code-execution part whole, shaped by `style`. The
 * last chunk's usage equals the non-streamed usage.
 */
export function renderNativeChunks({
  request,
  answer,
  style,
}: {
  request: NeutralRequest;
  answer: Answer;
  style: NativeStyle;
}) {
  const groups: ChunkGroup[] = [];
  if (request.showThoughts && answer.thoughts) {
    for (const piece of splitText({ text: answer.thoughts, wordsPerPiece: 12 })) {
      groups.push({
        parts: [{ text: piece, thought: true }],
        candidates: 0,
        thoughts: countTextTokens(piece),
      });
    }
  }
  const calls = answer.parts.filter((part) => part.kind === 'functionCall');
  if (calls.length > 0 && style.partialArgs) {
    for (const [index, call] of calls.entries()) {
      const callGroups = partialArgGroups({
        call,
        signature: request.thinks && index === 0 ? answer.signature : undefined,
      });
      groups.push(...callGroups);
    }
  } else if (calls.length > 0) {
    groups.push({
      parts: calls.map((part) => toNativePart({ part, style })),
      candidates: calls.reduce((sum, part) => sum + partTokens(part), 0),
      thoughts: 0,
    });
  }
  if (request.search && answer.parts.length > 0) {
    // The search runs before the answer's text; its results are tool-use prompt tokens.
    groups.push({ parts: [{ text: '' }], candidates: 0, thoughts: 0, toolResult: true });
  }
  for (const part of answer.parts) {
    if (part.kind === 'functionCall') continue;
    if (part.kind === 'text') {
      for (const piece of splitText({ text: part.text })) {
        groups.push({ parts: [{ text: piece }], candidates: countTextTokens(piece), thoughts: 0 });
      }
    } else {
      groups.push({
        parts: [toNativePart({ part, style })],
        candidates: partTokens(part),
        thoughts: 0,
        toolResult: part.kind === 'codeExecutionResult',
      });
    }
  }
  const gemini3Ending = style.streamEnding === 'gemini-3' && !answer.thinkingExhaustedOutput;
  if (gemini3Ending && calls.length === 0) {
    // Gemini 3 ends a text stream with a separate chunk: an empty text carrying the signature.
    groups.push({
      parts: [request.thinks ? { text: '', thoughtSignature: answer.signature } : { text: '' }],
      candidates: 0,
      thoughts: 0,
    });
  } else if (request.thinks && !(calls.length > 0 && style.partialArgs)) {
    sign({ parts: groups.flatMap((group) => group.parts), signature: answer.signature });
  }
  if (gemini3Ending && calls.length > 0) groups.push({ parts: [{ text: '' }], candidates: 0, thoughts: 0 });
  // Thinking that used up the output limit leaves a candidate without parts.
  if (groups.length === 0) {
    groups.push({ parts: answer.thinkingExhaustedOutput ? [] : [{ text: '' }], candidates: 0, thoughts: 0 });
  }

  const responseId = responseIdOf(request);
  const toolUsePromptTokens = toolUseTokensOf({ request, answer });
  const lastIndex = groups.length - 1;
  const finishAt = style.finishEarly && groups.length > 1 ? lastIndex - 1 : lastIndex;
  const firstToolResult = groups.findIndex((group) => group.toolResult);
  const prompt = totalPromptTokens(request);
  let candidates = 0;
  let thoughts = 0;
  return groups.map((group, index) => {
    const last = index === lastIndex;
    candidates = last
      ? answer.candidatesTokens
      : Math.min(answer.candidatesTokens, candidates + group.candidates);
    // Hidden thinking is done before the first chunk, so its tokens are in every snapshot.
    thoughts =
      last || !request.showThoughts
        ? answer.thoughtTokens
        : Math.min(answer.thoughtTokens, thoughts + group.thoughts);
    const upstreamUsage = style.streamUsage === 'upstream' && !last;
    let toolUse = last ? toolUsePromptTokens : 0;
    if (upstreamUsage && firstToolResult >= 0 && index >= firstToolResult) {
      // It appears with the tool's result and has grown to its full size by the last chunk.
      toolUse = Math.ceil(toolUsePromptTokens / 2);
    }
    const finishes = index === finishAt;
    const stopsEarly = !finishes && style.midStreamStop && (index === 0 || index === firstToolResult);
    return {
      candidates: [
        {
          content: group.parts.length > 0 ? { role: 'model', parts: group.parts } : { role: 'model' },
          ...(finishes
            ? {
                finishReason: answer.finishReason,
                ...finishExtras({ request, answer, style }),
                // Ratings come with the finish reason, as in Gemini 2.0's streams.
                ...(style.safetyRatings ? { safetyRatings: negligibleSafetyRatings } : {}),
              }
            : stopsEarly
              ? { finishReason: 'STOP' }
              : {}),
          ...(style.streamIndex ? { index: 0 } : {}),
        },
      ],
      usageMetadata: nativeUsage({
        request,
        // Upstream, chunks before any answer text (and the first chunk) carry no candidates count.
        candidatesTokens: upstreamUsage && (index === 0 || candidates === 0) ? undefined : candidates,
        thoughtTokens: thoughts,
        toolUsePromptTokens: toolUse,
        style,
        // Upstream, the prompt count of early chunks is lower than the final one.
        promptTokens: upstreamUsage ? Math.max(0, prompt - Math.ceil(prompt / 8)) : prompt,
      }),
      modelVersion: request.model,
      responseId,
    };
  });
}

/** A prompt block: no candidates, only `promptFeedback`. */
export function renderPromptBlock({
  request,
  blockReason,
}: {
  request: NeutralRequest;
  blockReason: string;
}) {
  const prompt = totalPromptTokens(request);
  return {
    promptFeedback: {
      blockReason,
      safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }],
    },
    usageMetadata: { promptTokenCount: prompt, totalTokenCount: prompt },
    modelVersion: request.model,
    responseId: responseIdOf(request),
  };
}

function toNativePart({
  part,
  style,
}: {
  part: AnswerPart;
  style: Pick<NativeStyle, 'thoughtCodeParts'>;
}): NativePart {
  const thought = style.thoughtCodeParts ? { thought: true } : {};
  switch (part.kind) {
    case 'text':
      return { text: part.text };
    case 'functionCall':
      return { functionCall: { name: part.name, args: part.args } };
    case 'executableCode':
      return { executableCode: { language: 'PYTHON', code: part.code } as { code: string }, ...thought };
    case 'codeExecutionResult':
      return {
        codeExecutionResult: { outcome: 'OUTCOME_OK', output: part.output } as { output: string },
        ...thought,
      };
  }
}

/**
 * Vertex's streamed function-call arguments: the name first, then one part per argument leaf
 * (`partialArgs` with a JSON path, strings in two pieces), then an empty `functionCall`.
 */
function partialArgGroups({
  call,
  signature,
}: {
  call: Extract<AnswerPart, { kind: 'functionCall' }>;
  signature: string | undefined;
}): ChunkGroup[] {
  const groups: ChunkGroup[] = [
    {
      parts: [
        {
          functionCall: { name: call.name, willContinue: true } as NativePart['functionCall'],
          ...(signature ? { thoughtSignature: signature } : {}),
        },
      ],
      candidates: countTextTokens(call.name),
      thoughts: 0,
    },
  ];
  const push = (partialArgs: Record<string, unknown>[], tokens: number) =>
    groups.push({
      parts: [{ functionCall: { partialArgs, willContinue: true } as NativePart['functionCall'] }],
      candidates: tokens,
      thoughts: 0,
    });
  for (const { jsonPath, value } of argumentLeaves({ value: call.args, path: '$' })) {
    if (typeof value === 'string' && value.length > 1) {
      const middle = Math.ceil(value.length / 2);
      push(
        [{ jsonPath, stringValue: value.slice(0, middle), willContinue: true }],
        countTextTokens(value.slice(0, middle)),
      );
      push([{ jsonPath, stringValue: value.slice(middle) }], countTextTokens(value.slice(middle)));
    } else {
      push([{ jsonPath, ...leafValue(value) }], countTextTokens(JSON.stringify(value)));
    }
  }
  groups.push({ parts: [{ functionCall: {} }], candidates: 0, thoughts: 0 });
  return groups;
}

function argumentLeaves({
  value,
  path,
}: {
  value: unknown;
  path: string;
}): { jsonPath: string; value: unknown }[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => argumentLeaves({ value: item, path: `${path}[${index}]` }));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      argumentLeaves({
        value: item,
        path: /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}['${key}']`,
      }),
    );
  }
  return [{ jsonPath: path, value }];
}

function leafValue(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return { nullValue: 'NULL_VALUE' };
}

/** What the finishing candidate carries besides its reason: Gemini 3's `finishMessage`, grounding. */
function finishExtras({
  request,
  answer,
  style,
}: {
  request: NeutralRequest;
  answer: Answer;
  style: NativeStyle;
}) {
  const calls = answer.parts.some((part) => part.kind === 'functionCall');
  return {
    ...(calls && style.streamEnding === 'gemini-3'
      ? { finishMessage: 'Model generated function call(s).' }
      : {}),
    ...(request.search && answer.parts.length > 0
      ? { groundingMetadata: groundingMetadataFor(request) }
      : {}),
  };
}

function groundingMetadataFor(request: NeutralRequest) {
  const query = request.lastUserText.trim().slice(0, 80) || 'query';
  const slug = stableId({ text: `source:${query}`, length: 10 });
  return {
    webSearchQueries: [query],
    searchEntryPoint: { renderedContent: `<div class="mock-search">${query}</div>` },
    groundingChunks: [
      {
        web: {
          uri: `https://vertexaisearch.cloud.google.com/grounding-api-redirect/${slug}`,
          title: 'example.com',
        },
      },
    ],
    groundingSupports: [{ segment: { startIndex: 0, endIndex: 1, text: '' }, groundingChunkIndices: [0] }],
  };
}

/** Puts the signature where Gemini does: the first function call, else the last answer text. */
function sign({ parts, signature }: { parts: NativePart[]; signature: string }): void {
  const call = parts.find((part) => part.functionCall);
  const target = call ?? parts.findLast((part) => typeof part.text === 'string' && !part.thought);
  if (target) target.thoughtSignature = signature;
}

function toolUseTokensOf({ request, answer }: { request: NeutralRequest; answer: Answer }): number {
  const code = answer.parts.reduce(
    (sum, part) => sum + (part.kind === 'codeExecutionResult' ? partTokens(part) : 0),
    0,
  );
  return code + (request.search && answer.parts.length > 0 ? searchResultTokens : 0);
}

function responseIdOf(request: NeutralRequest): string {
  return stableId({ text: `response:${request.seedKey}`, length: 22 });
}
