/**
 * The OpenAI chat wire format as the gateway answers it, with the Gemini additions it carries
 * (`reasoning_content` / `reasoning`, `extra_content.google.thought_signature`). Each type is
 * inferred from its lenient zod schema in `@gemgate/core-transport/wire`; every object may hold
 * fields not listed, kept as they arrive.
 */
export type {
  ChatAssistantMessage as WireAssistantMessage,
  ChatChoice as WireChoice,
  ChatChunkChoice as WireChunkChoice,
  ChatCompletion as WireChatCompletion,
  ChatCompletionChunk as WireChatCompletionChunk,
  ChatDelta as WireDelta,
  ChatToolCall as WireToolCall,
  ChatToolCallDelta as WireToolCallDelta,
  ChatUsage as WireUsage,
  ExtraContent as WireExtraContent,
} from '@gemgate/core-transport/wire';
