import type { Middleware } from '@gemgate/core-transport';
import { type ChatCompletionResult, createOpenAICompat } from '@gemgate/openai-compat';
import type { Answer, ChatRequestSettings, ChatRoute } from './chat-route.js';
import { cliLogger } from './cli-logger.js';

/** Builds the OpenAI-route parameters (besides `model` and `messages`) from the chat flags. */
export function openAIParamsOf({ settings }: { settings: ChatRequestSettings }): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (settings.temperature !== undefined) params.temperature = settings.temperature;
  if (settings.maxTokens !== undefined) params.max_tokens = settings.maxTokens;
  if (settings.reasoningEffort !== undefined) params.reasoning_effort = settings.reasoningEffort;
  const thinking: Record<string, unknown> = {};
  if (settings.thinking === false) thinking.thinking_budget = 0;
  else if (settings.thinkingBudget !== undefined) thinking.thinking_budget = settings.thinkingBudget;
  if (settings.thinkingLevel !== undefined) thinking.thinking_level = settings.thinkingLevel;
  if (settings.showThoughts) thinking.include_thoughts = true;
  if (Object.keys(thinking).length > 0) params.extra_body = { google: { thinking_config: thinking } };
  return params;
}

/** A chat on the OpenAI-compatible route. */
export function createOpenAIRoute({
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
  const client = createOpenAICompat({
    env,
    ...(timeout === undefined ? {} : { timeout }),
    middleware,
    logger: cliLogger,
  });
  const system = settings.system === undefined ? [] : [{ role: 'system', content: settings.system }];
  let messages: unknown[] = [];
  return {
    route: 'openai',
    client: client,
    model: settings.model,
    async send({ text, attachments = [], stream, signal, onEvent }): Promise<Answer> {
      const content = attachments.length > 0 ? [...attachments, { type: 'text', text }] : text;
      const turn = [...messages, { role: 'user', content }];
      const params = {
        model: this.model,
        messages: [...system, ...turn],
        ...openAIParamsOf({ settings: { ...settings, model: this.model } }),
      } as Parameters<typeof client.chat.completions.create>[0];
      let completion: ChatCompletionResult;
      if (stream) {
        const chunks = await client.chat.completions.create({ ...params, stream: true }, { signal });
        for await (const chunk of chunks) {
          onEvent({ type: 'chunk', raw: chunk.raw });
          if (chunk.reasoning) onEvent({ type: 'thought', text: chunk.reasoning });
          if (chunk.text) onEvent({ type: 'text', text: chunk.text });
        }
        completion = await chunks.finalCompletion();
      } else {
        completion = await client.chat.completions.create({ ...params, stream: false }, { signal });
        onEvent({ type: 'chunk', raw: completion.raw });
        if (completion.reasoning) onEvent({ type: 'thought', text: completion.reasoning });
        if (completion.text) onEvent({ type: 'text', text: completion.text });
      }
      messages = [...turn, completion.toAssistantMessage()];
      const usage = completion.usage;
      return {
        text: completion.text,
        usage,
        raw: completion.raw,
        cacheHit: (usage?.cachedInputTokens ?? 0) > 0,
      };
    },
    reset() {
      messages = [];
    },
    history() {
      return messages;
    },
    close: () => client.close(),
  };
}
