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

/** Stream shaping knobs (`x-mock-finish-early`, `x-mock-signature-only-last-chunk`). */
export interface NativeStreamQuirks {
  finishEarly: boolean;
  signatureOnlyLastChunk: boolean;
}

/**
 * Google's `usageMetadata`. `promptTokenCount` includes cached tokens, `candidatesTokenCount`
 * excludes thoughts, and the total adds prompt, candidates, tool-use prompt and thoughts.
 */
export function nativeUsage({
  request,
  candidatesTokens,
  thoughtTokens,
  toolUsePromptTokens,
}: {
  request: NeutralRequest;
  candidatesTokens: number;
  thoughtTokens: number;
  toolUsePromptTokens: number;
}) {
  const prompt = totalPromptTokens(request);
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: candidatesTokens,
    totalTokenCount: prompt + candidatesTokens + toolUsePromptTokens + thoughtTokens,
    ...(request.cachedTokens > 0
      ? {
          cachedContentTokenCount: request.cachedTokens,
          cacheTokensDetails: [{ modality: 'TEXT', tokenCount: request.cachedTokens }],
        }
      : {}),
    promptTokensDetails: Object.entries(request.promptTokens)
      .filter(([, count]) => (count ?? 0) > 0)
      .map(([modality, tokenCount]) => ({ modality, tokenCount })),
    ...(toolUsePromptTokens > 0 ? { toolUsePromptTokenCount: toolUsePromptTokens } : {}),
    ...(thoughtTokens > 0 ? { thoughtsTokenCount: thoughtTokens } : {}),
  };
}

/** The answer as one `GenerateContentResponse`. */
export function renderNativeResponse({ request, answer }: { request: NeutralRequest; answer: Answer }) {
  const parts: NativePart[] = [];
  if (request.showThoughts && answer.thoughts) parts.push({ text: answer.thoughts, thought: true });
  parts.push(...answer.parts.map(toNativePart));
  if (request.thinks) sign({ parts, signature: answer.signature });
  return {
    candidates: [
      {
        content: { role: 'model', parts },
        finishReason: answer.finishReason,
        index: 0,
        safetyRatings: negligibleSafetyRatings,
      },
    ],
    usageMetadata: nativeUsage({
      request,
      candidatesTokens: answer.candidatesTokens,
      thoughtTokens: answer.thoughtTokens,
      toolUsePromptTokens: toolUseTokensOf(answer.parts),
    }),
    modelVersion: request.model,
    responseId: responseIdOf(request),
  };
}

/**
 * The answer as stream chunks: thoughts, then text in pieces of a few words, each function-call
 * batch and code-execution part whole. Every chunk carries a running usage snapshot; the last one
 * equals the non-streamed usage.
 */
export function renderNativeChunks({
  request,
  answer,
  quirks,
}: {
  request: NeutralRequest;
  answer: Answer;
  quirks: NativeStreamQuirks;
}) {
  const groups: { parts: NativePart[]; candidates: number; thoughts: number }[] = [];
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
  if (calls.length > 0) {
    groups.push({
      parts: calls.map(toNativePart),
      candidates: calls.reduce((sum, part) => sum + partTokens(part), 0),
      thoughts: 0,
    });
  }
  for (const part of answer.parts) {
    if (part.kind === 'functionCall') continue;
    if (part.kind === 'text') {
      for (const piece of splitText({ text: part.text })) {
        groups.push({ parts: [{ text: piece }], candidates: countTextTokens(piece), thoughts: 0 });
      }
    } else {
      groups.push({ parts: [toNativePart(part)], candidates: partTokens(part), thoughts: 0 });
    }
  }
  if (request.thinks) {
    if (quirks.signatureOnlyLastChunk && calls.length === 0) {
      groups.push({ parts: [{ text: '', thoughtSignature: answer.signature }], candidates: 0, thoughts: 0 });
    } else {
      sign({ parts: groups.flatMap((group) => group.parts), signature: answer.signature });
    }
  }
  if (groups.length === 0) groups.push({ parts: [{ text: '' }], candidates: 0, thoughts: 0 });
  const responseId = responseIdOf(request);
  const toolUsePromptTokens = toolUseTokensOf(answer.parts);
  const finishAt = quirks.finishEarly && groups.length > 1 ? groups.length - 2 : groups.length - 1;
  let candidates = 0;
  let thoughts = 0;
  return groups.map((group, index) => {
    const last = index === groups.length - 1;
    candidates = last
      ? answer.candidatesTokens
      : Math.min(answer.candidatesTokens, candidates + group.candidates);
    // Hidden thinking is done before the first chunk, so its tokens are in every snapshot.
    thoughts =
      last || !request.showThoughts
        ? answer.thoughtTokens
        : Math.min(answer.thoughtTokens, thoughts + group.thoughts);
    return {
      candidates: [
        {
          content: { role: 'model', parts: group.parts },
          // Ratings come with the finish reason, as in Gemini's streams.
          ...(index === finishAt
            ? { finishReason: answer.finishReason, safetyRatings: negligibleSafetyRatings }
            : {}),
          index: 0,
        },
      ],
      usageMetadata: nativeUsage({
        request,
        candidatesTokens: candidates,
        thoughtTokens: thoughts,
        toolUsePromptTokens: last ? toolUsePromptTokens : 0,
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

function toNativePart(part: AnswerPart): NativePart {
  switch (part.kind) {
    case 'text':
      return { text: part.text };
    case 'functionCall':
      return { functionCall: { name: part.name, args: part.args } };
    case 'executableCode':
      return { executableCode: { language: 'PYTHON', code: part.code } as { code: string } };
    case 'codeExecutionResult':
      return { codeExecutionResult: { outcome: 'OUTCOME_OK', output: part.output } as { output: string } };
  }
}

/** Puts the signature where Gemini does: the first function call, else the last answer text. */
function sign({ parts, signature }: { parts: NativePart[]; signature: string }): void {
  const call = parts.find((part) => part.functionCall);
  const target = call ?? parts.findLast((part) => typeof part.text === 'string' && !part.thought);
  if (target) target.thoughtSignature = signature;
}

function toolUseTokensOf(parts: AnswerPart[]): number {
  return parts.reduce((sum, part) => sum + (part.kind === 'codeExecutionResult' ? partTokens(part) : 0), 0);
}

function responseIdOf(request: NeutralRequest): string {
  return stableId({ text: `response:${request.seedKey}`, length: 22 });
}
