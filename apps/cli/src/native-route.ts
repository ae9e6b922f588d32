import type { Middleware } from '@gemgate/core-transport';
import { createGemini } from '@gemgate/native-gemini';
import type { Answer, ChatRequestSettings, ChatRoute } from './chat-route.js';
import { cliLogger } from './cli-logger.js';

const resolutionNames = {
  low: 'MEDIA_RESOLUTION_LOW',
  medium: 'MEDIA_RESOLUTION_MEDIUM',
  high: 'MEDIA_RESOLUTION_HIGH',
};

/** Builds the `config` of a native request from the chat flags. */
export function nativeConfigOf({ settings }: { settings: ChatRequestSettings }): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  if (settings.system !== undefined) config.systemInstruction = settings.system;
  if (settings.temperature !== undefined) config.temperature = settings.temperature;
  if (settings.maxTokens !== undefined) config.maxOutputTokens = settings.maxTokens;
  const thinkingConfig: Record<string, unknown> = {};
  if (settings.thinking === false) thinkingConfig.thinkingBudget = 0;
  else if (settings.thinkingBudget !== undefined) thinkingConfig.thinkingBudget = settings.thinkingBudget;
  if (settings.thinkingLevel !== undefined) thinkingConfig.thinkingLevel = settings.thinkingLevel;
  if (settings.showThoughts) thinkingConfig.includeThoughts = true;
  if (Object.keys(thinkingConfig).length > 0) config.thinkingConfig = thinkingConfig;
  if (settings.mediaResolution !== undefined)
    config.mediaResolution = resolutionNames[settings.mediaResolution];
  if (settings.code) config.tools = [{ codeExecution: {} }];
  return config;
}

/** A chat on the native Gemini route. */
export function createNativeRoute({
  env,
  settings,
  timeout,
  middleware = [],
}: {
  env: Record<string, string | undefined>;
  settings: ChatRequestSettings;
  timeout?: number | undefined;
  middleware?: Middleware[];
}): ChatRoute {
  const gemini = createGemini({
    env,
    ...(timeout === undefined ? {} : { timeout }),
    middleware,
    logger: cliLogger,
  });
  let contents: Array<{ role: string; parts: unknown[] }> = [];
  return {
    route: 'native',
    client: gemini,
    model: settings.model,
    async send({ text, attachments = [], stream, signal, onEvent }): Promise<Answer> {
      const turn = [...contents, { role: 'user', parts: [...attachments, { text }] }];
      const config = {
        ...nativeConfigOf({ settings: { ...settings, model: this.model } }),
        abortSignal: signal,
      };
      const request = { model: this.model, contents: turn, config } as Parameters<
        typeof gemini.models.generateContent
      >[0];
      let response: Awaited<ReturnType<typeof gemini.models.generateContent>>;
      if (stream) {
        const chunks = gemini.models.generateContentStream(request);
        for await (const chunk of chunks) {
          onEvent({ type: 'chunk', raw: chunk.raw });
          for (const part of chunk.parts) emitPart({ part: part as Record<string, unknown>, onEvent });
        }
        response = await chunks.response;
      } else {
        response = await gemini.models.generateContent(request);
        onEvent({ type: 'chunk', raw: response.raw });
        for (const part of response.parts) emitPart({ part: part as Record<string, unknown>, onEvent });
      }
      contents = [...turn, { role: 'model', parts: response.parts }];
      return {
        text: response.text,
        usage: response.usage,
        raw: response.raw,
        cacheHit: (response.usage.cachedInputTokens ?? 0) > 0,
      };
    },
    reset() {
      contents = [];
    },
    history() {
      return contents;
    },
    close: () => gemini.close(),
  };
}

function emitPart({
  part,
  onEvent,
}: {
  part: Record<string, unknown>;
  onEvent: (event: import('./chat-route.js').AnswerEvent) => void;
}) {
  if (typeof part.text === 'string' && part.text !== '') {
    onEvent({ type: part.thought === true ? 'thought' : 'text', text: part.text });
  }
  const executable = part.executableCode as { code?: string; language?: string } | undefined;
  if (executable?.code)
    onEvent({
      type: 'code',
      code: executable.code,
      language: (executable.language ?? 'python').toLowerCase(),
    });
  const result = part.codeExecutionResult as { output?: string; outcome?: string } | undefined;
  if (result) onEvent({ type: 'code-result', output: result.output ?? '', outcome: result.outcome ?? '' });
}
