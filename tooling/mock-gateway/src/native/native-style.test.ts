import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockGateway } from '../start-mock-gateway.js';
import type { MockGateway } from '../types.js';

let gateway: MockGateway;

beforeAll(async () => {
  gateway = await startMockGateway({});
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

type Json = Record<string, any>;

const weatherTool = {
  functionDeclarations: [
    {
      name: 'get_weather',
      parameters: {
        type: 'OBJECT',
        properties: { city: { type: 'STRING' }, days: { type: 'INTEGER' } },
        required: ['city', 'days'],
      },
    },
  ],
};

function ask(text: string, extra: Json = {}) {
  return { contents: [{ role: 'user', parts: [{ text }] }], ...extra };
}

async function generate({
  model,
  body,
  headers = {},
}: {
  model: string;
  body: unknown;
  headers?: Record<string, string>;
}): Promise<Json> {
  const response = await fetch(`${gateway.nativeBaseURL}/v1beta/models/${model}:generateContent`, {
    method: 'POST',
    headers: { 'x-goog-api-key': 'k', ...headers },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Json;
}

async function stream({
  model,
  body,
  headers = {},
}: {
  model: string;
  body: unknown;
  headers?: Record<string, string>;
}): Promise<Json[]> {
  const response = await fetch(
    `${gateway.nativeBaseURL}/v1beta/models/${model}:streamGenerateContent?alt=sse`,
    { method: 'POST', headers: { 'x-goog-api-key': 'k', ...headers }, body: JSON.stringify(body) },
  );
  return (await response.text())
    .split('\r\n\r\n')
    .filter(Boolean)
    .map((event) => JSON.parse(event.slice('data: '.length)) as Json);
}

const candidateOf = (chunk: Json) => chunk.candidates[0];
const partsOf = (chunk: Json): Json[] => candidateOf(chunk).content.parts ?? [];

describe('native answers shaped as real Gemini traffic', () => {
  it('Gemini 3 text streams end with a separate {text: "", thoughtSignature} chunk carrying STOP', async () => {
    const chunks = await stream({ model: 'gemini-3-pro-preview', body: ask('Tell me a story') });
    const last = chunks.at(-1)!;
    expect(partsOf(last)).toEqual([{ text: '', thoughtSignature: expect.any(String) }]);
    expect(candidateOf(last).finishReason).toBe('STOP');
    const before = chunks.slice(0, -1);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((chunk) => candidateOf(chunk).finishReason === undefined)).toBe(true);
    expect(before.flatMap(partsOf).some((part) => part.thoughtSignature)).toBe(false);

    const plain = await stream({
      model: 'gemini-3-pro-preview',
      body: ask('Tell me a story'),
      headers: { 'x-mock-stream-ending': 'plain' },
    });
    expect(partsOf(plain.at(-1)!)[0]!.text.length).toBeGreaterThan(0);
    expect(partsOf(plain.at(-1)!)[0]!.thoughtSignature).toEqual(expect.any(String));
  });

  it('Gemini 3 function-call streams end with a {text: ""} STOP chunk and a finishMessage', async () => {
    const chunks = await stream({
      model: 'gemini-3-flash-preview',
      body: ask('Use get_weather for Paris', { tools: [weatherTool] }),
    });
    expect(partsOf(chunks.at(-1)!)).toEqual([{ text: '' }]);
    expect(candidateOf(chunks.at(-1)!)).toMatchObject({
      finishReason: 'STOP',
      finishMessage: 'Model generated function call(s).',
    });
    const call = chunks.flatMap(partsOf).find((part) => part.functionCall);
    expect(call).toMatchObject({
      functionCall: { name: 'get_weather' },
      thoughtSignature: expect.any(String),
    });
  });

  it('code execution: STOP arrives mid-stream too; Gemini 3 code parts carry thought: true', async () => {
    const body = ask('Add 2 and 40 with code', { tools: [{ codeExecution: {} }] });
    const chunks = await stream({ model: 'gemini-2.5-flash', body });
    const stops = chunks.map((chunk) => candidateOf(chunk).finishReason);
    expect(stops.at(-1)).toBe('STOP');
    expect(stops.slice(0, -1).filter((reason) => reason === 'STOP').length).toBeGreaterThan(0);
    expect(stops[0]).toBe('STOP');
    const quiet = await stream({
      model: 'gemini-2.5-flash',
      body,
      headers: { 'x-mock-mid-stream-stop': 'off' },
    });
    expect(quiet.slice(0, -1).every((chunk) => candidateOf(chunk).finishReason === undefined)).toBe(true);

    const gemini3 = await generate({ model: 'gemini-3-flash-preview', body });
    const code = partsOf(gemini3).filter((part) => part.executableCode || part.codeExecutionResult);
    expect(code).toHaveLength(2);
    expect(code.every((part) => part.thought === true)).toBe(true);
    const unmarked = await generate({
      model: 'gemini-3-flash-preview',
      body,
      headers: { 'x-mock-thought-code-parts': 'off' },
    });
    expect(partsOf(unmarked).some((part) => part.thought)).toBe(false);
  });

  it('stream usage: early chunks lack candidatesTokenCount and count the prompt lower; tool use grows', async () => {
    // A long sum, so the result (the tool-use prompt) is several tokens and can visibly grow.
    const body = ask('Add 123456789 and 987654321 and 111111111 with code', {
      tools: [{ codeExecution: {} }],
    });
    const whole = await generate({ model: 'gemini-2.5-flash', body });
    const chunks = await stream({ model: 'gemini-2.5-flash', body });
    const usages = chunks.map((chunk) => chunk.usageMetadata);
    expect(usages.at(-1)).toEqual(whole.usageMetadata);
    expect(usages[0]).not.toHaveProperty('candidatesTokenCount');
    expect(usages[0].promptTokenCount).toBeLessThan(whole.usageMetadata.promptTokenCount);
    const toolUse = usages.map((usage) => usage.toolUsePromptTokenCount ?? 0);
    const appears = toolUse.findIndex((count) => count > 0);
    expect(appears).toBeGreaterThan(0);
    expect(appears).toBeLessThan(usages.length - 1);
    expect(toolUse[appears]).toBeLessThan(toolUse.at(-1)!);
    expect(whole.usageMetadata.toolUsePromptTokensDetails).toEqual([
      { modality: 'TEXT', tokenCount: whole.usageMetadata.toolUsePromptTokenCount },
    ]);

    const snapshots = await stream({
      model: 'gemini-2.5-flash',
      body,
      headers: { 'x-mock-stream-usage': 'snapshot' },
    });
    for (const chunk of snapshots) {
      expect(chunk.usageMetadata.promptTokenCount).toBe(whole.usageMetadata.promptTokenCount);
      expect(chunk.usageMetadata).toHaveProperty('candidatesTokenCount');
    }
  });

  it('thinking that uses up maxOutputTokens: MAX_TOKENS, content {role: "model"} without parts', async () => {
    const body = ask('Think hard', { generationConfig: { maxOutputTokens: 2 } });
    const whole = await generate({ model: 'gemini-2.5-flash', body });
    expect(candidateOf(whole).finishReason).toBe('MAX_TOKENS');
    expect(candidateOf(whole).content).toEqual({ role: 'model' });
    expect(whole.usageMetadata.thoughtsTokenCount).toBe(2);
    const chunks = await stream({ model: 'gemini-2.5-flash', body });
    expect(chunks).toHaveLength(1);
    expect(candidateOf(chunks[0]!)).toMatchObject({ content: { role: 'model' }, finishReason: 'MAX_TOKENS' });
    expect(candidateOf(chunks[0]!).content).not.toHaveProperty('parts');
    // Forced on any thinking request, whatever the limit.
    const forced = await generate({
      model: 'gemini-2.5-pro',
      body: ask('Anything'),
      headers: { 'x-mock-thinking-exhausts-output': '1' },
    });
    expect(candidateOf(forced)).toMatchObject({ content: { role: 'model' }, finishReason: 'MAX_TOKENS' });
    // A model that does not think is only cut.
    const plain = await generate({ model: 'gemini-2.0-flash', body });
    expect(partsOf(plain)[0]!.text.length).toBeGreaterThan(0);
  });

  it('2.0 streams omit index; 2.5 streams keep it; x-mock-stream-index forces either', async () => {
    const old = await stream({ model: 'gemini-2.0-flash', body: ask('Hello') });
    expect(old.every((chunk) => !('index' in candidateOf(chunk)))).toBe(true);
    const modern = await stream({ model: 'gemini-2.5-flash', body: ask('Hello') });
    expect(modern.every((chunk) => candidateOf(chunk).index === 0)).toBe(true);
    const forced = await stream({
      model: 'gemini-2.5-flash',
      body: ask('Hello'),
      headers: { 'x-mock-stream-index': 'off' },
    });
    expect(forced.every((chunk) => !('index' in candidateOf(chunk)))).toBe(true);
  });

  it('usage carries serviceTier (AI Studio) or trafficType (Vertex, x-mock-upstream: vertex)', async () => {
    const studio = await generate({ model: 'gemini-2.5-flash', body: ask('Hello') });
    expect(studio.usageMetadata.serviceTier).toBe('standard');
    const vertex = await generate({
      model: 'gemini-2.5-flash',
      body: ask('Hello'),
      headers: { 'x-mock-upstream': 'vertex' },
    });
    expect(vertex.usageMetadata).not.toHaveProperty('serviceTier');
    expect(vertex.usageMetadata.trafficType).toBe('ON_DEMAND');
  });

  it('googleSearch: groundingMetadata, tool-use prompt tokens, STOP mid-stream', async () => {
    const body = ask('Who won the match yesterday?', { tools: [{ googleSearch: {} }] });
    const whole = await generate({ model: 'gemini-2.5-flash', body });
    expect(candidateOf(whole).groundingMetadata).toMatchObject({
      webSearchQueries: ['Who won the match yesterday?'],
      groundingChunks: [{ web: { uri: expect.stringMatching(/^https:/), title: expect.any(String) } }],
    });
    expect(whole.usageMetadata.toolUsePromptTokenCount).toBeGreaterThan(0);
    const chunks = await stream({ model: 'gemini-2.5-flash', body });
    expect(candidateOf(chunks[0]!).finishReason).toBe('STOP');
    expect(candidateOf(chunks.at(-1)!).groundingMetadata).toEqual(candidateOf(whole).groundingMetadata);
  });

  it('Vertex streamed function-call arguments: a name, partialArgs parts without a name, an empty call', async () => {
    const body = ask('Use get_weather for Paris', { tools: [weatherTool] });
    const whole = await generate({ model: 'gemini-2.5-flash', body });
    const expected = partsOf(whole).find((part) => part.functionCall)?.functionCall;
    const chunks = await stream({
      model: 'gemini-2.5-flash',
      body,
      headers: { 'x-mock-stream-function-call-arguments': '1' },
    });
    const calls = chunks
      .flatMap(partsOf)
      .filter((part) => part.functionCall)
      .map((part) => part.functionCall);
    expect(calls[0]).toEqual({ name: 'get_weather', willContinue: true });
    expect(calls.at(-1)).toEqual({});
    const partial = calls.slice(1, -1);
    expect(partial.length).toBeGreaterThan(2);
    expect(partial.every((call) => call.name === undefined && call.willContinue === true)).toBe(true);
    // Joining the pieces by JSON path gives back the non-streamed arguments.
    const joined: Json = {};
    for (const call of partial) {
      for (const arg of call.partialArgs) {
        const key = arg.jsonPath.replace(/^\$\./, '');
        if (arg.stringValue !== undefined) joined[key] = (joined[key] ?? '') + arg.stringValue;
        else joined[key] = arg.numberValue ?? arg.boolValue ?? null;
      }
    }
    expect(joined).toEqual(expected?.args);
    expect(Object.keys(joined).length).toBeGreaterThan(0);
    expect(partial.some((call) => call.partialArgs[0].willContinue === true)).toBe(true);

    // A Vertex upstream does it when the request asks with streamFunctionCallArguments; AI Studio never.
    const asked = {
      ...body,
      toolConfig: { functionCallingConfig: { mode: 'AUTO', streamFunctionCallArguments: true } },
    };
    const vertex = await stream({
      model: 'gemini-2.5-flash',
      body: asked,
      headers: { 'x-mock-upstream': 'vertex' },
    });
    expect(vertex.flatMap(partsOf).some((part) => part.functionCall?.partialArgs)).toBe(true);
    const studio = await stream({ model: 'gemini-2.5-flash', body: asked });
    expect(studio.flatMap(partsOf).some((part) => part.functionCall?.partialArgs)).toBe(false);
  });

  it('the upstream and knobs options set the default for every request', async () => {
    const vertexGateway = await startMockGateway({
      upstream: 'vertex',
      knobs: { 'x-mock-safety-ratings': 'on' },
    });
    try {
      const response = await fetch(
        `${vertexGateway.nativeBaseURL}/v1beta/models/gemini-2.5-flash:generateContent`,
        { method: 'POST', headers: { 'x-goog-api-key': 'k' }, body: JSON.stringify(ask('Hello')) },
      );
      const body = (await response.json()) as Json;
      expect(body.usageMetadata.trafficType).toBe('ON_DEMAND');
      expect(candidateOf(body).safetyRatings).toHaveLength(4);
    } finally {
      await vertexGateway.close();
    }
  });
});
