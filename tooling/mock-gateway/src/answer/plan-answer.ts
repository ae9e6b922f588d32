import { countTextTokens } from '../text/count-tokens.js';
import { generateWords } from '../text/generate-words.js';
import { createRandom, hashString, type Random, randomInt, stableId } from '../text/hash.js';
import type { Answer, AnswerPart, DeclaredFunction, NeutralRequest } from './neutral-request.js';
import { valueForSchema } from './value-for-schema.js';

/**
 * Decides the answer to a request: thoughts, then function calls, code execution, JSON or text.
 * Pure and deterministic: the same request gives the same answer.
 *
 * @example
 * ```ts
 * const answer = planAnswer({ request });
 * answer.parts[0]; // { kind: 'text', text: 'Gateway the answer ...' }
 * ```
 */
export function planAnswer({
  request,
  thinkingExhaustsOutput = false,
}: {
  request: NeutralRequest;
  /** Forces the answer a thinking model gives when its thoughts use up `maxOutputTokens`. */
  thinkingExhaustsOutput?: boolean;
}): Answer {
  const seed = hashString({ text: request.seedKey });
  const random = createRandom({ seed });
  const signature = Buffer.from(`mock-signature:${stableId({ text: request.seedKey, length: 16 })}`).toString(
    'base64',
  );

  let thoughts = '';
  if (request.thinks) {
    const budgetWords = request.thinkingBudget && request.thinkingBudget > 0 ? request.thinkingBudget : 4096;
    const wordCount = Math.max(1, Math.min(randomInt({ random, min: 18, max: 40 }), budgetWords));
    thoughts = `**Thinking it through** ${generateWords({ random, wordCount })}`;
    if (request.thinkingBudget && request.thinkingBudget > 0) {
      thoughts = thoughts.slice(0, request.thinkingBudget * 4);
    }
  }

  const thoughtTokens = countTextTokens(thoughts);
  const limit = request.maxOutputTokens;
  // Thinking counts against maxOutputTokens upstream: when it uses all of it the candidate has
  // no parts at all (`content: {role: 'model'}`), finishReason MAX_TOKENS.
  if (request.thinks && (thinkingExhaustsOutput || (limit !== undefined && thoughtTokens >= limit))) {
    const cut = limit !== undefined ? thoughts.slice(0, limit * 4) : thoughts;
    return {
      thoughts: cut,
      thoughtTokens: countTextTokens(cut),
      parts: [],
      finishReason: 'MAX_TOKENS',
      thinkingExhaustedOutput: true,
      candidatesTokens: 0,
      signature,
    };
  }

  const calls = functionCallsFor({ request, random });
  let parts: AnswerPart[];
  if (calls.length > 0) {
    parts = calls;
  } else if (request.codeExecution && request.functionResults.length === 0) {
    parts = codeExecutionParts({ request, random });
  } else if (request.json) {
    const value = request.json.schema
      ? valueForSchema({ schema: request.json.schema, random })
      : { answer: generateWords({ random, wordCount: 6 }) };
    parts = [{ kind: 'text', text: JSON.stringify(value) }];
  } else {
    parts = [{ kind: 'text', text: proseFor({ request, random }) }];
  }

  const limited = applyLimits({ request, parts });
  return {
    thoughts,
    thoughtTokens,
    parts: limited.parts,
    finishReason: limited.finishReason,
    thinkingExhaustedOutput: false,
    candidatesTokens: limited.parts.reduce((sum, part) => sum + partTokens(part), 0),
    signature,
  };
}

/** Output tokens of one part, by the same approximation as prompts. */
export function partTokens(part: AnswerPart): number {
  switch (part.kind) {
    case 'text':
      return countTextTokens(part.text);
    case 'functionCall':
      return countTextTokens(part.name) + countTextTokens(JSON.stringify(part.args));
    case 'executableCode':
      return countTextTokens(part.code);
    case 'codeExecutionResult':
      return countTextTokens(part.output);
  }
}

function proseFor({ request, random }: { request: NeutralRequest; random: Random }): string {
  const body = generateWords({ random, wordCount: randomInt({ random, min: 12, max: 36 }) });
  if (request.functionResults.length === 0) return body;
  // After a function response the model talks about it, so callers can check the loop closed.
  const mentions = request.functionResults
    .map((result) => `${result.name} returned ${JSON.stringify(result.response)}`)
    .join('; ');
  return `Based on the result, ${mentions}. ${body}`;
}

function functionCallsFor({ request, random }: { request: NeutralRequest; random: Random }): AnswerPart[] {
  const { functions, functionMode } = request;
  if (functions.length === 0 || functionMode.kind === 'none') return [];
  const answered = request.functionResults.map((result) => result.name);
  const resultsText = JSON.stringify(request.functionResults.map((result) => result.response));
  // A turn that carries function results is answered with text, unless the caller forces calls
  // or a result names another declared function (a tool saying what to call next), which lets
  // tests drive loops of several steps.
  const next =
    request.functionResults.length > 0
      ? functions.filter(
          (declared) => !answered.includes(declared.name) && namedIn(declared.name, resultsText),
        )
      : [];
  if (request.functionResults.length > 0 && functionMode.kind !== 'any' && next.length === 0) return [];
  let chosen: DeclaredFunction[] =
    next.length > 0 ? next : functions.filter((declared) => namedIn(declared.name, request.lastUserText));
  if (functionMode.kind === 'any') {
    const allowed =
      functionMode.allowed.length > 0
        ? functions.filter((declared) => functionMode.allowed.includes(declared.name))
        : functions;
    chosen = chosen.filter((declared) => allowed.includes(declared));
    if (chosen.length === 0 && allowed[0]) chosen = [allowed[0]];
  }
  return chosen.map((declared, index) => ({
    kind: 'functionCall',
    id: `call_${stableId({ text: `${request.seedKey}:${declared.name}:${index}`, length: 20 })}`,
    name: declared.name,
    args: (declared.schema ? valueForSchema({ schema: declared.schema, random }) : {}) as Record<
      string,
      unknown
    >,
  }));
}

function codeExecutionParts({ request, random }: { request: NeutralRequest; random: Random }): AnswerPart[] {
  // The "program" sums the numbers the user wrote, so the output is checkable.
  const numbers = (request.lastUserText.match(/-?\d+(\.\d+)?/g) ?? ['1', '2', '3']).slice(0, 20).map(Number);
  const sum = numbers.reduce((total, value) => total + value, 0);
  return [
    { kind: 'text', text: 'I will compute this with Python.' },
    { kind: 'executableCode', code: `numbers = [${numbers.join(', ')}]\nprint(sum(numbers))\n` },
    { kind: 'codeExecutionResult', output: `${sum}\n` },
    { kind: 'text', text: `The sum is ${sum}. ${generateWords({ random, wordCount: 8 })}` },
  ];
}

function applyLimits({ request, parts }: { request: NeutralRequest; parts: AnswerPart[] }): {
  parts: AnswerPart[];
  finishReason: 'STOP' | 'MAX_TOKENS';
} {
  let result = parts;
  if (request.stopSequences.length > 0) {
    result = result.map((part) => {
      if (part.kind !== 'text') return part;
      let cut = part.text.length;
      for (const stop of request.stopSequences) {
        const at = stop ? part.text.indexOf(stop) : -1;
        if (at >= 0 && at < cut) cut = at;
      }
      return { kind: 'text', text: part.text.slice(0, cut) };
    });
  }
  const limit = request.maxOutputTokens;
  if (limit === undefined) return { parts: result, finishReason: 'STOP' };
  const kept: AnswerPart[] = [];
  let used = 0;
  for (const part of result) {
    const tokens = partTokens(part);
    if (used + tokens <= limit) {
      kept.push(part);
      used += tokens;
      continue;
    }
    if (part.kind === 'text' && limit - used > 0)
      kept.push({ kind: 'text', text: part.text.slice(0, (limit - used) * 4) });
    return { parts: kept, finishReason: 'MAX_TOKENS' };
  }
  return { parts: kept, finishReason: 'STOP' };
}

function namedIn(name: string, text: string): boolean {
  return new RegExp(`\\b${escapeRegExp(name)}\\b`).test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
