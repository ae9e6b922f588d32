import { decideThinking, requiresThoughtSignatures } from '../answer/decide-thinking.js';
import type { ImplicitCache } from '../answer/implicit-cache.js';
import type { DeclaredFunction, FunctionMode, NeutralRequest } from '../answer/neutral-request.js';
import { thinkingErrorFor } from '../answer/thinking-error.js';
import type { ErrorReply } from '../http/error-reply.js';
import type { StoredCache } from './cached-contents.js';
import { countNativePrompt, type NativeContent } from './native-prompt.js';

type Body = Record<string, any>;

/**
 * Reads a native `generateContent` body into the neutral request, enforcing what the real API
 * rejects with a 400 (thinking rules, missing Gemini 3 thought signatures, `cachedContent`
 * next to `systemInstruction`/`tools`/`toolConfig`).
 */
export function readNativeRequest({
  model,
  body,
  seedKey,
  implicitCache,
  findCache,
}: {
  model: string;
  body: Body;
  seedKey: string;
  implicitCache: ImplicitCache;
  findCache: (name: string) => StoredCache | undefined;
}): { request: NeutralRequest } | { error: ErrorReply } {
  const config: Body = body.generationConfig ?? {};
  const thinkingConfig: Body = config.thinkingConfig ?? {};
  const thinkingError = thinkingErrorFor({ model, thinkingConfig });
  if (thinkingError) return { error: thinkingError };

  let contents: NativeContent[] = Array.isArray(body.contents) ? body.contents : [];
  let systemInstruction = body.systemInstruction;
  let tools = body.tools;
  let toolConfig = body.toolConfig;
  let explicitCachedTokens = 0;
  if (typeof body.cachedContent === 'string') {
    if (systemInstruction !== undefined || tools !== undefined || toolConfig !== undefined) {
      return {
        error: {
          status: 400,
          message:
            'CachedContent can not be used with GenerateContent request setting system_instruction, tools or tool_config.\n\nProposed fix: move those values to CachedContent from GenerateContent request.',
        },
      };
    }
    const cache = findCache(body.cachedContent);
    if (!cache) {
      return { error: { status: 403, message: 'CachedContent not found (or permission denied)' } };
    }
    if (cache.model !== `models/${model}`) {
      return {
        error: {
          status: 400,
          message: `Model used by GenerateContent request (models/${model}) and CachedContent (${cache.model}) has to be the same.`,
        },
      };
    }
    contents = [...cache.contents, ...contents];
    systemInstruction = cache.systemInstruction;
    tools = cache.tools;
    toolConfig = cache.toolConfig;
    explicitCachedTokens = cache.totalTokens;
  }

  if (requiresThoughtSignatures(model)) {
    const missing = missingSignature(contents);
    if (missing) return { error: missing };
  }

  const prompt = countNativePrompt({
    systemInstruction,
    tools,
    contents,
    mediaResolution: config.mediaResolution,
  });
  const cachedTokens =
    explicitCachedTokens > 0
      ? explicitCachedTokens
      : implicitCache.lookupAndRemember({ model, blocks: prompt.blocks });

  const last = contents.at(-1);
  const lastUser = [...contents].reverse().find((content) => content.role !== 'model' && hasText(content));
  const functions: DeclaredFunction[] = [];
  let codeExecution = false;
  let search = false;
  for (const tool of Array.isArray(tools) ? tools : []) {
    if (tool.googleSearch || tool.google_search || tool.googleSearchRetrieval) search = true;
    for (const declaration of tool.functionDeclarations ?? []) {
      functions.push({
        name: declaration.name,
        schema: declaration.parametersJsonSchema ?? declaration.parameters,
      });
    }
    if (tool.codeExecution) codeExecution = true;
  }
  const mimeJson = config.responseMimeType === 'application/json';
  const schema = config.responseJsonSchema ?? config._responseJsonSchema ?? config.responseSchema;
  const thinks = decideThinking({
    model,
    thinkingBudget: thinkingConfig.thinkingBudget,
    thinkingLevel: thinkingConfig.thinkingLevel,
    includeThoughts: thinkingConfig.includeThoughts,
  });
  return {
    request: {
      model,
      seedKey,
      lastUserText: (lastUser?.parts ?? []).map((part) => part.text ?? '').join(''),
      functionResults:
        last && last.role !== 'model'
          ? (last.parts ?? [])
              .filter((part) => part.functionResponse)
              .map((part) => ({
                name: part.functionResponse?.name ?? '',
                response: part.functionResponse?.response,
              }))
          : [],
      functions,
      functionMode: functionModeOf(toolConfig),
      codeExecution,
      search,
      streamFunctionCallArguments: toolConfig?.functionCallingConfig?.streamFunctionCallArguments === true,
      json: mimeJson ? { schema } : undefined,
      thinks,
      showThoughts: thinks && thinkingConfig.includeThoughts === true,
      thinkingBudget: thinkingConfig.thinkingBudget,
      maxOutputTokens: config.maxOutputTokens,
      stopSequences: Array.isArray(config.stopSequences) ? config.stopSequences : [],
      promptTokens: prompt.byModality,
      cachedTokens,
    },
  };
}

function missingSignature(contents: NativeContent[]): ErrorReply | undefined {
  // Only the current turn (after the last user text) is checked, as upstream.
  let start = 0;
  contents.forEach((content, index) => {
    if (content.role !== 'model' && hasText(content)) start = index + 1;
  });
  for (let index = start; index < contents.length; index++) {
    const content = contents[index]!;
    if (content.role !== 'model') continue;
    const firstCall = (content.parts ?? []).findIndex((part) => part.functionCall);
    if (firstCall < 0) continue;
    const part = content.parts![firstCall]!;
    if (!part.thoughtSignature) {
      return {
        status: 400,
        message: `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${part.functionCall?.name}\` , position ${index + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`,
      };
    }
  }
  return undefined;
}

function hasText(content: NativeContent): boolean {
  return (content.parts ?? []).some((part) => typeof part.text === 'string' && part.thought !== true);
}

function functionModeOf(toolConfig: Body | undefined): FunctionMode {
  const config = toolConfig?.functionCallingConfig ?? {};
  const mode = String(config.mode ?? 'AUTO').toUpperCase();
  if (mode === 'NONE') return { kind: 'none' };
  if (mode === 'ANY') return { kind: 'any', allowed: config.allowedFunctionNames ?? [] };
  return { kind: 'auto' };
}
